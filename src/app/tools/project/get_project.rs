//! get_project: one project.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{AppTool, IdOrName, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::selectors;
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
    /// The project: id, key (WEB) or name; 0 or absent means use projectKey.
    #[serde(default)]
    pub project_id: Option<IdOrName>,
    /// The project key, e.g. WEB.
    #[serde(default)]
    pub project_key: Option<String>,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, GET, get)
}

async fn get(
    app: Arc<AppContext>,
    args: GetProjectArgs,
    _: ToolContext,
) -> Result<ProjectView, ToolError> {
    let project =
        selectors::project(&app, args.project_id.as_ref(), args.project_key.as_deref()).await?;
    let fresh = app
        .backlog
        .projects
        .project(&ProjectRef::Id(project.id))
        .await?;
    Ok(ProjectView::from(&fresh))
}
