//! get_user_recent_updates: what a user did lately.

use super::activity_list::{ActivityList, LIST, answer};
use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{AppTool, IdOrName, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::activity_args::ActivityArgs;
use crate::app::tools::common::view_args::ViewArgs;
use crate::app::tools::register::register;
use crate::app::views::ActivityView;
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::Deserialize;
use std::sync::Arc;

const USER: ToolInfo = ToolInfo {
    name: "get_user_recent_updates",
    title: "A user's recent updates",
    description: "List a user's latest updates (userId: id, login id, name or \"me\"), newest \
        first, like get_space_activities. Good for \"what did Taro do this week\".",
    annotations: READS,
    toolset: Toolset::Space,
    list: LIST,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct UserActivitiesArgs {
    /// The user: id, login id, name, or "me".
    pub user_id: IdOrName,
    #[serde(flatten)]
    pub paging: ActivityArgs,
    #[serde(flatten)]
    pub view: ViewArgs,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, USER, user).with_fields::<ActivityView>()
}

async fn user(
    app: Arc<AppContext>,
    args: UserActivitiesArgs,
    _: ToolContext,
) -> Result<ActivityList, ToolError> {
    let query = args.paging.to_query()?;
    let user = app.resolver().user("userId", &args.user_id).await?;
    let activities = app.backlog.activities.user_activities(user, &query).await?;
    answer(&app, activities, &args.view).await
}
