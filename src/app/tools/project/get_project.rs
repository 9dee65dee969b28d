//! get_project: one project.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::project_selector::ProjectSelector;
use crate::app::tools::register::register;
use crate::app::views::ProjectView;
use crate::ports::{ProjectRef, ToolContext};
use schemars::JsonSchema;
use serde::Deserialize;
use std::sync::Arc;

const GET: ToolInfo = ToolInfo {
    name: "get_project",
    title: "Get a project",
    description: "Get a project's settings: key, name, archived, text formatting rule, chart and \
        subtasking switches. Give projectId (id, key or name) or projectKey. For its statuses, \
        types, categories, milestones, custom fields and members use get_project_metadata.",
    annotations: READS,
    toolset: Toolset::Project,
    list: None,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct GetProjectArgs {
    #[serde(flatten)]
    pub project: ProjectSelector,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, GET, get)
}

async fn get(
    app: Arc<AppContext>,
    args: GetProjectArgs,
    _: ToolContext,
) -> Result<ProjectView, ToolError> {
    let project = args.project.project(&app).await?;
    let fresh = app
        .backlog
        .projects
        .project(&ProjectRef::from(&project))
        .await?;
    Ok(ProjectView::from(&fresh))
}
