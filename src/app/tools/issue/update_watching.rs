//! update_watching: replace a watch-list entry's note.

use super::watch_entry::watch_id;
use crate::app::context::AppContext;
use crate::app::tooling::annotations::OVERWRITES;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::timezone_arg::TimezoneArg;
use crate::app::tools::register::register;
use crate::app::views::WatchingView;
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::Deserialize;
use std::sync::Arc;

const UPDATE: ToolInfo = ToolInfo {
    name: "update_watching",
    title: "Change a watch note",
    description: "Replace the note of a watch-list entry (watchId from get_watching_list_items).",
    annotations: OVERWRITES,
    toolset: Toolset::Issue,
    list: None,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct UpdateWatchingArgs {
    /// The watch-list entry's id.
    pub watch_id: i64,
    pub note: String,
    #[serde(flatten)]
    pub timezone: TimezoneArg,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, UPDATE, update)
}

async fn update(
    app: Arc<AppContext>,
    args: UpdateWatchingArgs,
    _: ToolContext,
) -> Result<WatchingView, ToolError> {
    let zone = app.zone(args.timezone.zone())?;
    let id = watch_id(args.watch_id)?;
    let watching = app
        .backlog
        .watchings
        .update_watching(id, &args.note)
        .await?;
    Ok(WatchingView::new(&watching, zone))
}
