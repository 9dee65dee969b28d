//! Defining a tool from a typed parameter struct, a typed output struct and an
//! async function: the schemas come from the types, arguments are validated
//! before the function runs, and every failure becomes an `is_error` answer.

use super::arguments::parse_arguments;
use super::schema::{input_schema, output_schema};
use super::tool_error::ToolError;
use crate::ports::{
    CatalogEntry, JsonObject, ToolAnnotations, ToolContent, ToolContext, ToolDescriptor,
    ToolHandler, ToolResponse,
};
use async_trait::async_trait;
use schemars::JsonSchema;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::future::Future;
use std::marker::PhantomData;
use std::sync::Arc;

/// What a client is told about a tool.
#[derive(Debug, Clone, Copy)]
pub struct ToolInfo {
    pub name: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub annotations: ToolAnnotations,
}

/// A tool with typed arguments `A` and structured output `O`.
pub fn structured_tool<A, O, F, Fut>(info: ToolInfo, run: F) -> CatalogEntry
where
    A: DeserializeOwned + JsonSchema + Send + 'static,
    O: Serialize + JsonSchema + Send + 'static,
    F: Fn(A, ToolContext) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<O, ToolError>> + Send + 'static,
{
    CatalogEntry {
        descriptor: ToolDescriptor {
            name: info.name.to_owned(),
            title: info.title.to_owned(),
            description: info.description.to_owned(),
            input_schema: input_schema::<A>(),
            output_schema: Some(output_schema::<O>()),
            annotations: info.annotations,
        },
        handler: Arc::new(StructuredHandler {
            run,
            types: PhantomData,
        }),
    }
}

struct StructuredHandler<A, O, F> {
    run: F,
    types: PhantomData<fn(A) -> O>,
}

#[async_trait]
impl<A, O, F, Fut> ToolHandler for StructuredHandler<A, O, F>
where
    A: DeserializeOwned + Send + 'static,
    O: Serialize + Send + 'static,
    F: Fn(A, ToolContext) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<O, ToolError>> + Send + 'static,
{
    async fn call(&self, arguments: JsonObject, context: ToolContext) -> ToolResponse {
        let outcome = match parse_arguments::<A>(arguments) {
            Ok(arguments) => (self.run)(arguments, context).await,
            Err(error) => Err(error),
        };
        match outcome {
            Ok(output) => render(&output),
            Err(error) => ToolResponse::error(error.to_string()),
        }
    }
}

/// The output as structured content, and the same JSON as text for clients
/// that only read text.
fn render<O: Serialize>(output: &O) -> ToolResponse {
    match serde_json::to_value(output) {
        Ok(structured) => ToolResponse {
            content: vec![ToolContent::Text(structured.to_string())],
            structured: Some(structured),
            is_error: false,
        },
        Err(error) => ToolResponse::error(format!("could not encode the answer: {error}")),
    }
}
