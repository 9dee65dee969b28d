//! mark_watching_as_read: mark a watch-list entry's changes as seen.

use super::watch_entry::WatchIdArgs;
use crate::app::context::AppContext;
use crate::app::tooling::annotations::MARKS;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::register::register;
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::Serialize;
use std::sync::Arc;

const MARK: ToolInfo = ToolInfo {
    name: "mark_watching_as_read",
    title: "Mark a watched issue as read",
    description: "Mark a watch-list entry's latest changes as seen (watchId from \
        get_watching_list_items).",
    annotations: MARKS,
    toolset: Toolset::Issue,
    list: None,
};

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct MarkedRead {
    pub watch_id: i64,
    pub marked_as_read: bool,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, MARK, mark)
}

async fn mark(
    app: Arc<AppContext>,
    args: WatchIdArgs,
    _: ToolContext,
) -> Result<MarkedRead, ToolError> {
    let id = args.id()?;
    app.backlog.watchings.mark_watching_as_read(id).await?;
    Ok(MarkedRead {
        watch_id: id.get(),
        marked_as_read: true,
    })
}
