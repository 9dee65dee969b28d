//! Registering a use case as a tool, the way every tool is built. The
//! catalog is built once, from the start-up space's context; each call runs
//! against the space its caller names (`AppContext::for_call`, which the
//! handler `ToolKit` builds calls first: the start-up space on stdio).

use crate::app::context::AppContext;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit};
use crate::ports::{ToolContext, ToolResponse};
use schemars::JsonSchema;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::future::Future;
use std::sync::Arc;

/// A tool whose use case is `run(app, arguments, context)`, `app` being the
/// call's space.
pub fn register<A, O, Fut>(
    kit: &ToolKit,
    app: &Arc<AppContext>,
    info: ToolInfo,
    run: fn(Arc<AppContext>, A, ToolContext) -> Fut,
) -> AppTool
where
    A: DeserializeOwned + JsonSchema + Send + 'static,
    O: Serialize + JsonSchema + Send + 'static,
    Fut: Future<Output = Result<O, ToolError>> + Send + 'static,
{
    kit.structured(app, info, run)
}

/// [`register`] for a tool whose answer is built by hand (`ToolKit::raw`);
/// `run` may be a closure (it may need `kit.max_tokens`).
pub fn register_raw<A, F, Fut>(
    kit: &ToolKit,
    app: &Arc<AppContext>,
    info: ToolInfo,
    run: F,
) -> AppTool
where
    A: DeserializeOwned + JsonSchema + Send + 'static,
    F: Fn(Arc<AppContext>, A, ToolContext) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<ToolResponse, ToolError>> + Send + 'static,
{
    kit.raw(app, info, run)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::spaces::{SpaceFactory, Spaces};
    use crate::app::test_support::demo_app_with;
    use crate::app::tooling::Toolset;
    use crate::ports::{BacklogCredentials, Caller, ToolAnnotations, ToolContent};
    use schemars::JsonSchema;
    use serde::Deserialize;
    use serde_json::{Map, Value, json};

    #[derive(Deserialize, JsonSchema)]
    struct NoArgs {}

    #[derive(Serialize, JsonSchema)]
    struct Space {
        space: String,
    }

    const WHICH: ToolInfo = ToolInfo {
        name: "which_space",
        title: "Which space",
        description: "The space the call reached.",
        annotations: ToolAnnotations::READ,
        toolset: Toolset::Space,
        list: None,
    };

    async fn which(app: Arc<AppContext>, _: NoArgs, _: ToolContext) -> Result<Space, ToolError> {
        Ok(Space {
            space: app.web_base_url.clone(),
        })
    }

    async fn which_raw(
        app: Arc<AppContext>,
        _: NoArgs,
        _: ToolContext,
    ) -> Result<ToolResponse, ToolError> {
        Ok(ToolResponse {
            content: vec![ToolContent::Text(app.web_base_url.clone())],
            structured: None,
            is_error: false,
        })
    }

    /// The start-up space, serving spaces named after the credentials' URL.
    fn start_up() -> Arc<AppContext> {
        let factory: SpaceFactory = Arc::new(|credentials: &BacklogCredentials| {
            let base = credentials
                .base_url
                .as_str()
                .trim_end_matches('/')
                .to_owned();
            Ok(demo_app_with(|s| s.web_base_url = base))
        });
        Arc::new(
            demo_app_with(|s| s.web_base_url = "https://start-up.example".into())
                .serving(Spaces::new(factory, 8)),
        )
    }

    fn from(base: Option<&str>) -> ToolContext {
        let mut context = ToolContext::detached();
        context.caller = Caller {
            credentials: base.map(|base| BacklogCredentials {
                base_url: url::Url::parse(base).unwrap(),
                api_key: "secret-key".into(),
            }),
        };
        context
    }

    #[tokio::test]
    async fn one_catalog_serves_each_call_from_its_callers_space() {
        let kit = ToolKit { max_tokens: 2_000 };
        let app = start_up();
        let structured = register(&kit, &app, WHICH, which);
        let raw = register_raw(&kit, &app, WHICH, which_raw);
        let space_of = |response: ToolResponse| match response.structured {
            Some(Value::Object(object)) => object.get("space").cloned().unwrap_or_default(),
            _ => json!(response.text()),
        };
        for tool in [&structured, &raw] {
            let mut reached = Vec::new();
            for base in [None, Some("https://a.example"), Some("https://b.example")] {
                let response = tool.entry.handler.call(Map::new(), from(base)).await;
                reached.push(space_of(response));
            }
            assert_eq!(
                reached,
                [
                    json!("https://start-up.example"),
                    json!("https://a.example"),
                    json!("https://b.example")
                ]
            );
        }
    }

    #[tokio::test]
    async fn a_server_of_one_space_refuses_a_calls_credentials() {
        let app = Arc::new(demo_app_with(|_| {}));
        let tool = register(&ToolKit { max_tokens: 2_000 }, &app, WHICH, which);
        let response = tool
            .entry
            .handler
            .call(Map::new(), from(Some("https://a.example")))
            .await;
        assert!(response.is_error);
        assert!(
            !response.text().contains("secret-key"),
            "{}",
            response.text()
        );
    }
}
