//! add_watching: start watching an issue.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::CREATES;
use crate::app::tooling::{AppTool, IdOrName, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::timezone_arg::TimezoneArg;
use crate::app::tools::register::register;
use crate::app::views::WatchingView;
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::Deserialize;
use std::sync::Arc;

const ADD: ToolInfo = ToolInfo {
    name: "add_watching",
    title: "Watch an issue",
    description: "Start watching an issue as the API key's user, with an optional note. \
        issueIdOrKey is the issue's id or key (e.g. WEB-42).",
    annotations: CREATES,
    toolset: Toolset::Issue,
    list: None,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AddWatchingArgs {
    /// The issue: id or key (e.g. WEB-42).
    pub issue_id_or_key: IdOrName,
    /// A note to keep with the entry.
    #[serde(default)]
    pub note: Option<String>,
    #[serde(flatten)]
    pub timezone: TimezoneArg,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, ADD, add)
}

async fn add(
    app: Arc<AppContext>,
    args: AddWatchingArgs,
    _: ToolContext,
) -> Result<WatchingView, ToolError> {
    let zone = app.zone(args.timezone.zone())?;
    let issue = app
        .resolver()
        .issue_ref("issueIdOrKey", &args.issue_id_or_key)?;
    let watching = app
        .backlog
        .watchings
        .add_watching(&issue, args.note.as_deref().unwrap_or_default())
        .await?;
    Ok(WatchingView::new(&watching, zone))
}
