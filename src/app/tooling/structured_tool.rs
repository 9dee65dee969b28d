//! Defining a tool from a typed parameter struct, a typed output struct and an
//! async function: the schemas come from the types, arguments are validated
//! before the function runs, answers are kept under the token budget, and every
//! failure becomes an `is_error` answer.

use super::answer_shape::AnswerShape;
use super::arguments::{KnownParameters, parse_arguments};
use super::budget_fit::{Budget, fit_to_budget};
use super::fields::{FieldView, fields_schema};
use super::schema::{input_schema, output_schema};
use super::token_budget::readable_tokens;
use super::token_budget::{ListSpec, estimate_tokens};
use super::tool_error::ToolError;
use super::toolset::Toolset;
use crate::app::context::AppContext;
use crate::ports::{
    CatalogEntry, JsonObject, ToolAnnotations, ToolContent, ToolContext, ToolDescriptor,
    ToolHandler, ToolResponse,
};
use async_trait::async_trait;
use schemars::JsonSchema;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::future::Future;
use std::marker::PhantomData;
use std::sync::Arc;

/// What a client is told about a tool, and how its answers are shaped.
#[derive(Debug, Clone, Copy)]
pub struct ToolInfo {
    pub name: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub annotations: ToolAnnotations,
    pub toolset: Toolset,
    /// For list tools: the array cut first to fit the token budget (see
    /// `budget_fit` for what else may be cut, the same for every tool).
    pub list: Option<ListSpec>,
}

/// A tool with the toolset it belongs to.
pub struct AppTool {
    pub toolset: Toolset,
    pub entry: CatalogEntry,
}

impl AppTool {
    /// Publishes the `fields` parameter's choices: the view's field names.
    pub fn with_fields<V: FieldView>(mut self) -> Self {
        let mut schema = (*self.entry.descriptor.input_schema).clone();
        if let Some(Value::Object(properties)) = schema.get_mut("properties") {
            properties.insert(
                "fields".to_owned(),
                fields_schema(V::FIELDS, V::DEFAULT_FIELDS),
            );
        }
        self.entry.descriptor.input_schema = Arc::new(schema);
        self
    }
}

/// Builds tools that share the answer budget.
#[derive(Debug, Clone, Copy)]
pub struct ToolKit {
    pub max_tokens: u64,
}

impl ToolKit {
    /// A tool with typed arguments `A` and structured output `O`; `run` gets
    /// the call's space (`AppContext::for_call`: `app` unless the caller
    /// brought credentials). Tools are built through `tools::register`.
    pub(in crate::app) fn structured<A, O, F, Fut>(
        &self,
        app: &Arc<AppContext>,
        info: ToolInfo,
        run: F,
    ) -> AppTool
    where
        A: DeserializeOwned + JsonSchema + Send + 'static,
        O: Serialize + JsonSchema + Send + 'static,
        F: Fn(Arc<AppContext>, A, ToolContext) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<O, ToolError>> + Send + 'static,
    {
        let (shape, published) = AnswerShape::read(output_schema::<O>());
        let descriptor = descriptor::<A>(&info, Some(published));
        let handler = StructuredHandler {
            run,
            app: app.clone(),
            known: KnownParameters::from_schema(&descriptor.input_schema),
            budget: Budget {
                max_tokens: self.max_tokens,
                list: info.list,
                shape,
                writes: !info.annotations.read_only,
            },
            types: PhantomData,
        };
        AppTool {
            toolset: info.toolset,
            entry: CatalogEntry {
                descriptor,
                handler: Arc::new(handler),
            },
        }
    }

    /// A tool whose answer is built by hand (images, embedded files): no
    /// output schema. `run` gets the call's space, as for [`Self::structured`].
    pub(in crate::app) fn raw<A, F, Fut>(
        &self,
        app: &Arc<AppContext>,
        info: ToolInfo,
        run: F,
    ) -> AppTool
    where
        A: DeserializeOwned + JsonSchema + Send + 'static,
        F: Fn(Arc<AppContext>, A, ToolContext) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<ToolResponse, ToolError>> + Send + 'static,
    {
        let descriptor = descriptor::<A>(&info, None);
        AppTool {
            toolset: info.toolset,
            entry: CatalogEntry {
                handler: Arc::new(RawHandler {
                    run,
                    app: app.clone(),
                    known: KnownParameters::from_schema(&descriptor.input_schema),
                    max_tokens: self.max_tokens,
                    types: PhantomData,
                }),
                descriptor,
            },
        }
    }
}

/// The tool's descriptor. Input schemas are closed (`additionalProperties:
/// false`): the handler refuses parameters the tool does not have.
fn descriptor<A: JsonSchema>(
    info: &ToolInfo,
    output_schema: Option<Arc<JsonObject>>,
) -> ToolDescriptor {
    let mut input = (*input_schema::<A>()).clone();
    input.insert("additionalProperties".to_owned(), Value::Bool(false));
    ToolDescriptor {
        name: info.name.to_owned(),
        title: info.title.to_owned(),
        description: info.description.to_owned(),
        input_schema: Arc::new(input),
        output_schema,
        annotations: info.annotations,
    }
}

/// What every handler does before its answer: read the arguments, pick the
/// call's space, run the tool. A wrong argument, a space that cannot serve
/// the caller or the tool's error comes back as the answer to send.
async fn checked_run<A, T, F, Fut>(
    app: &Arc<AppContext>,
    known: &KnownParameters,
    run: &F,
    arguments: JsonObject,
    context: ToolContext,
) -> Result<T, ToolResponse>
where
    A: DeserializeOwned,
    F: Fn(Arc<AppContext>, A, ToolContext) -> Fut,
    Fut: Future<Output = Result<T, ToolError>>,
{
    let outcome = match parse_arguments::<A>(arguments, known) {
        Ok(arguments) => match app.for_call(&context.caller) {
            Ok(space) => run(space, arguments, context).await,
            Err(error) => Err(error),
        },
        Err(error) => Err(error),
    };
    outcome.map_err(|error| ToolResponse::error(error.to_string()))
}

struct StructuredHandler<A, O, F> {
    run: F,
    app: Arc<AppContext>,
    known: KnownParameters,
    budget: Budget,
    types: PhantomData<fn(A) -> O>,
}

#[async_trait]
impl<A, O, F, Fut> ToolHandler for StructuredHandler<A, O, F>
where
    A: DeserializeOwned + Send + 'static,
    O: Serialize + Send + 'static,
    F: Fn(Arc<AppContext>, A, ToolContext) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<O, ToolError>> + Send + 'static,
{
    async fn call(&self, arguments: JsonObject, context: ToolContext) -> ToolResponse {
        match checked_run(&self.app, &self.known, &self.run, arguments, context).await {
            Ok(output) => self.render(&output),
            Err(refused) => refused,
        }
    }
}

impl<A, O: Serialize, F> StructuredHandler<A, O, F> {
    /// The output as structured content, cut to the budget, and the same JSON
    /// as text for clients that only read text. The budget is measured on
    /// that text: the structured copy is the same data.
    fn render(&self, output: &O) -> ToolResponse {
        let mut structured = match serde_json::to_value(output) {
            Ok(value) => value,
            Err(error) => {
                return ToolResponse::error(format!("could not encode the answer: {error}"));
            }
        };
        let mut text = structured.to_string();
        if estimate_tokens(&text) > self.budget.max_tokens {
            match fit_to_budget(&mut structured, &self.budget) {
                Ok(_) => tracing::info!("answer cut to the token budget"),
                Err(message) => {
                    tracing::info!("answer over the token budget even when cut");
                    return ToolResponse::error(message);
                }
            }
            text = structured.to_string();
        }
        ToolResponse {
            content: vec![ToolContent::Text(text)],
            structured: Some(structured),
            is_error: false,
        }
    }
}

/// A hand-built answer is shaped to the budget by its tool (a text file is cut
/// with a note); this handler makes sure none goes out over it.
struct RawHandler<A, F> {
    run: F,
    app: Arc<AppContext>,
    known: KnownParameters,
    max_tokens: u64,
    types: PhantomData<fn(A)>,
}

#[async_trait]
impl<A, F, Fut> ToolHandler for RawHandler<A, F>
where
    A: DeserializeOwned + Send + 'static,
    F: Fn(Arc<AppContext>, A, ToolContext) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<ToolResponse, ToolError>> + Send + 'static,
{
    async fn call(&self, arguments: JsonObject, context: ToolContext) -> ToolResponse {
        match checked_run(&self.app, &self.known, &self.run, arguments, context).await {
            Ok(response) => {
                let tokens = readable_tokens(&response);
                if tokens > self.max_tokens {
                    return ToolResponse::error(format!(
                        "the answer would take about {tokens} tokens, more than this server's answer budget of {} (BACKLOG_MAX_TOKENS); ask for less, or raise the budget",
                        self.max_tokens
                    ));
                }
                response
            }
            Err(refused) => refused,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tooling::Toolset;
    use serde::Deserialize;
    use serde_json::Map;

    #[derive(Deserialize, JsonSchema)]
    struct Echo {
        characters: usize,
    }

    const ECHO: ToolInfo = ToolInfo {
        name: "echo",
        title: "Echo",
        description: "Answers with that many characters.",
        annotations: ToolAnnotations::READ,
        toolset: Toolset::Issue,
        list: None,
    };

    async fn echo(characters: usize) -> ToolResponse {
        let app = Arc::new(crate::app::test_support::demo_app());
        let tool = ToolKit { max_tokens: 3_000 }.raw(&app, ECHO, |_, args: Echo, _| async move {
            Ok(ToolResponse {
                content: vec![ToolContent::Text("x".repeat(args.characters))],
                structured: None,
                is_error: false,
            })
        });
        let arguments = Map::from_iter([("characters".to_owned(), characters.into())]);
        tool.entry
            .handler
            .call(arguments, ToolContext::detached())
            .await
    }

    #[tokio::test]
    async fn a_hand_built_answer_over_the_budget_is_refused() {
        assert!(!echo(7_000).await.is_error, "3,000 tokens fit");
        let refused = echo(7_600).await;
        assert!(refused.is_error);
        assert!(
            refused.text().contains("BACKLOG_MAX_TOKENS"),
            "{}",
            refused.text()
        );
    }
}
