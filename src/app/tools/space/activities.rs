//! `get_space_activities` and `get_user_recent_updates`.

use crate::app::context::AppContext;
use crate::app::project_scope::ProjectScope;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{
    AppTool, FieldSelection, IdOrName, ListSpec, Paging, Projected, ToolError, ToolInfo, ToolKit,
    Toolset, Truncation,
};
use crate::app::tools::common::activity_args::ActivityArgs;
use crate::app::tools::register::register;
use crate::app::tools::space::activity_names::name_changes;
use crate::app::views::ActivityView;
use crate::domain::activity::Activity;
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

const LIST: Option<ListSpec> = Some(ListSpec {
    items: "activities",
    paging: Paging::Id,
});

const SPACE: ToolInfo = ToolInfo {
    name: "get_space_activities",
    title: "Recent updates in the space",
    description: "List the latest updates across the space: issues created, updated and \
        commented, wiki pages, shared files, git pushes, pull requests, members added, \
        milestones… newest first, each with who, when, what and the changed fields (statuses, \
        priorities, assignees… by name). Filter by activityTypeId; page with minId/maxId and \
        count (up to 100). Good for \"what happened today\".",
    annotations: READS,
    toolset: Toolset::Space,
    list: LIST,
};

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
pub struct SpaceActivitiesArgs {
    #[serde(flatten)]
    pub paging: ActivityArgs,
    #[serde(default)]
    pub fields: Option<Vec<String>>,
    /// IANA timezone for times (default: the server's).
    #[serde(default)]
    pub timezone: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct UserActivitiesArgs {
    /// The user: id, login id, name, or "me".
    pub user_id: IdOrName,
    #[serde(flatten)]
    pub paging: ActivityArgs,
    #[serde(default)]
    pub fields: Option<Vec<String>>,
    /// IANA timezone for times (default: the server's).
    #[serde(default)]
    pub timezone: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ActivityList {
    pub count: usize,
    pub activities: Vec<Projected<ActivityView>>,
    /// The timezone times are given in.
    pub timezone: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub truncated: Option<Truncation>,
}

pub fn space_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, SPACE, space).with_fields::<ActivityView>()
}

pub fn user_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, USER, user).with_fields::<ActivityView>()
}

async fn answer(
    app: &AppContext,
    activities: Vec<Activity>,
    fields: Option<&[String]>,
    timezone: Option<&str>,
) -> Result<ActivityList, ToolError> {
    let zone = app.zone(timezone)?;
    let fields = FieldSelection::choose::<ActivityView>(fields)?;
    let allowed = app.scope.allowed_ids(&app.metadata).await?;
    let activities: Vec<Activity> = activities
        .into_iter()
        .filter(|a| ProjectScope::shows(allowed.as_ref(), a.project.as_ref().map(|p| p.id)))
        .collect();
    let activities = name_changes(&app.metadata, activities).await;
    let shown: Vec<Projected<ActivityView>> = activities
        .iter()
        .map(|a| Projected::new(ActivityView::new(a, zone), &fields))
        .collect();
    Ok(ActivityList {
        count: shown.len(),
        activities: shown,
        timezone: zone.name().to_owned(),
        truncated: None,
    })
}

async fn space(
    app: Arc<AppContext>,
    args: SpaceActivitiesArgs,
    _: ToolContext,
) -> Result<ActivityList, ToolError> {
    let query = args.paging.to_query()?;
    let activities = app.backlog.space.space_activities(&query).await?;
    answer(
        &app,
        activities,
        args.fields.as_deref(),
        args.timezone.as_deref(),
    )
    .await
}

async fn user(
    app: Arc<AppContext>,
    args: UserActivitiesArgs,
    _: ToolContext,
) -> Result<ActivityList, ToolError> {
    let query = args.paging.to_query()?;
    let user = app.resolver().user("userId", &args.user_id).await?;
    let activities = app.backlog.users.user_activities(user, &query).await?;
    answer(
        &app,
        activities,
        args.fields.as_deref(),
        args.timezone.as_deref(),
    )
    .await
}
