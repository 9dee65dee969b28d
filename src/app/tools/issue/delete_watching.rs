//! delete_watching: remove an entry from the watch list.

use super::watch_entry::WatchIdArgs;
use crate::app::context::AppContext;
use crate::app::tooling::annotations::DELETES;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::register::register;
use crate::app::views::WatchingView;
use crate::ports::ToolContext;
use std::sync::Arc;

const DELETE: ToolInfo = ToolInfo {
    name: "delete_watching",
    title: "Stop watching",
    description: "Remove an entry from the watch list (watchId from get_watching_list_items); the \
        issue itself stays.",
    annotations: DELETES,
    toolset: Toolset::Issue,
    list: None,
};

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, DELETE, delete)
}

async fn delete(
    app: Arc<AppContext>,
    args: WatchIdArgs,
    _: ToolContext,
) -> Result<WatchingView, ToolError> {
    let id = args.id()?;
    let watching = app.backlog.watchings.delete_watching(id).await?;
    Ok(WatchingView::new(&watching, app.default_zone))
}
