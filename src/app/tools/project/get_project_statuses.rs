//! get_project_statuses: the statuses an issue of a project can have.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::project_selector::ProjectSelector;
use crate::app::tools::register::register;
use crate::app::views::StatusView;
use crate::ports::{ProjectRef, ToolContext};
use schemars::JsonSchema;
use serde::Serialize;
use std::sync::Arc;

const STATUSES: ToolInfo = ToolInfo {
    name: "get_project_statuses",
    title: "List a project's statuses",
    description: "List a project's workflow statuses in order (ids and names, custom statuses \
        included): what update_issue's statusId can be. Give projectId (id, key or name) or \
        projectKey.",
    annotations: READS,
    toolset: Toolset::Project,
    list: None,
};

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProjectStatuses {
    pub project_key: String,
    pub statuses: Vec<StatusView>,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, STATUSES, statuses)
}

async fn statuses(
    app: Arc<AppContext>,
    args: ProjectSelector,
    _: ToolContext,
) -> Result<ProjectStatuses, ToolError> {
    let project = args.project(&app).await?;
    let statuses = app
        .backlog
        .statuses
        .statuses(&ProjectRef::from(&project))
        .await?;
    Ok(ProjectStatuses {
        project_key: project.key.to_string(),
        statuses: statuses.iter().map(StatusView::from).collect(),
    })
}
