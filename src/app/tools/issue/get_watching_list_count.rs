//! get_watching_list_count: how many issues a user watches.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{AppTool, IdOrName, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::register::register;
use crate::domain::watching::WatchingCountQuery;
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

const COUNT: ToolInfo = ToolInfo {
    name: "get_watching_list_count",
    title: "Count watched issues",
    description: "Count the issues a user watches (userId: id, login id, name or \"me\"); \
        resourceAlreadyRead: false counts only those with unseen changes.",
    annotations: READS,
    toolset: Toolset::Issue,
    list: None,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CountWatchingsArgs {
    /// Whose watch list: id, login id, name, or "me".
    pub user_id: IdOrName,
    /// false: only entries with unseen changes.
    #[serde(default)]
    pub resource_already_read: Option<bool>,
    /// false: only entries not yet seen in the watch list.
    #[serde(default)]
    pub already_read: Option<bool>,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct WatchingCount {
    pub count: u64,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, COUNT, count)
}

async fn count(
    app: Arc<AppContext>,
    args: CountWatchingsArgs,
    _: ToolContext,
) -> Result<WatchingCount, ToolError> {
    let user = app.resolver().user("userId", &args.user_id).await?;
    let query = WatchingCountQuery {
        resource_already_read: args.resource_already_read,
        already_read: args.already_read,
    };
    Ok(WatchingCount {
        count: app.backlog.watchings.watching_count(user, &query).await?,
    })
}
