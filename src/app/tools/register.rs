//! Registering a use case as a tool.

use crate::app::context::AppContext;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit};
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::future::Future;
use std::sync::Arc;

/// A tool whose use case is `run(app, arguments, context)`.
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
    let app = app.clone();
    kit.structured(info, move |arguments, context| {
        run(app.clone(), arguments, context)
    })
}
