//! add_project: create a project.

use super::formatting_arg::FormattingArg;
use crate::app::context::AppContext;
use crate::app::tooling::annotations::CREATES;
use crate::app::tooling::validate::not_blank;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::register::register;
use crate::app::views::ProjectView;
use crate::domain::changes::{NewProject, TextFormattingRule};
use crate::domain::keys::ProjectKey;
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::Deserialize;
use std::sync::Arc;

const ADD: ToolInfo = ToolInfo {
    name: "add_project",
    title: "Create a project",
    description: "Create a project (administrators): name and key (upper-case letters, digits, \
        underscores, e.g. WEB_2), optional chartEnabled, subtaskingEnabled (default false), \
        projectLeaderCanEditProjectLeader, textFormattingRule (markdown by default, or backlog).",
    annotations: CREATES,
    toolset: Toolset::Project,
    list: None,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AddProjectArgs {
    pub name: String,
    /// Upper-case letters, digits and underscores, starting with a letter.
    pub key: String,
    #[serde(default)]
    pub chart_enabled: Option<bool>,
    #[serde(default)]
    pub subtasking_enabled: Option<bool>,
    #[serde(default)]
    pub project_leader_can_edit_project_leader: Option<bool>,
    /// markdown (default) or backlog.
    #[serde(default)]
    pub text_formatting_rule: Option<FormattingArg>,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, ADD, add)
}

async fn add(
    app: Arc<AppContext>,
    args: AddProjectArgs,
    _: ToolContext,
) -> Result<ProjectView, ToolError> {
    let name = not_blank("name", &args.name, "the name is empty")?;
    let new = NewProject {
        name: name.to_owned(),
        key: ProjectKey::parse(&args.key).map_err(|e| ToolError::argument("key", e))?,
        chart_enabled: args.chart_enabled.unwrap_or(false),
        subtasking_enabled: args.subtasking_enabled.unwrap_or(false),
        project_leader_can_edit_project_leader: args.project_leader_can_edit_project_leader,
        text_formatting_rule: args
            .text_formatting_rule
            .map_or(TextFormattingRule::Markdown, FormattingArg::rule),
    };
    let project = app.backlog.projects.add_project(&new).await?;
    app.metadata.forget_projects();
    Ok(ProjectView::from(&project))
}
