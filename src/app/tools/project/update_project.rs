//! update_project: change a project's settings.

use super::formatting_arg::FormattingArg;
use crate::app::context::AppContext;
use crate::app::tooling::annotations::OVERWRITES;
use crate::app::tooling::validate::nothing_to_change;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::project_selector::ProjectSelector;
use crate::app::tools::register::register;
use crate::app::views::ProjectView;
use crate::domain::changes::ProjectUpdate;
use crate::domain::keys::ProjectKey;
use crate::ports::{ProjectRef, ToolContext};
use schemars::JsonSchema;
use serde::Deserialize;
use std::sync::Arc;

const UPDATE: ToolInfo = ToolInfo {
    name: "update_project",
    title: "Update a project",
    description: "Change a project's name, key, switches, text formatting rule, or archive it \
        (archived: true). Give projectId (id, key or name) or projectKey; fields left out stay.",
    annotations: OVERWRITES,
    toolset: Toolset::Project,
    list: None,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct UpdateProjectArgs {
    #[serde(flatten)]
    pub project: ProjectSelector,
    #[serde(default)]
    pub name: Option<String>,
    /// A new key.
    #[serde(default)]
    pub key: Option<String>,
    #[serde(default)]
    pub chart_enabled: Option<bool>,
    #[serde(default)]
    pub subtasking_enabled: Option<bool>,
    #[serde(default)]
    pub project_leader_can_edit_project_leader: Option<bool>,
    /// markdown or backlog.
    #[serde(default)]
    pub text_formatting_rule: Option<FormattingArg>,
    #[serde(default)]
    pub archived: Option<bool>,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, UPDATE, update)
}

async fn update(
    app: Arc<AppContext>,
    args: UpdateProjectArgs,
    _: ToolContext,
) -> Result<ProjectView, ToolError> {
    let project = args.project.project(&app).await?;
    let update = ProjectUpdate {
        name: args.name.clone().filter(|n| !n.trim().is_empty()),
        key: args
            .key
            .as_deref()
            .map(|k| ProjectKey::parse(k).map_err(|e| ToolError::argument("key", e)))
            .transpose()?,
        chart_enabled: args.chart_enabled,
        subtasking_enabled: args.subtasking_enabled,
        project_leader_can_edit_project_leader: args.project_leader_can_edit_project_leader,
        text_formatting_rule: args.text_formatting_rule.map(FormattingArg::rule),
        archived: args.archived,
    };
    if update == ProjectUpdate::default() {
        return Err(nothing_to_change("name", "at least one setting"));
    }
    let updated = app
        .backlog
        .projects
        .update_project(&ProjectRef::from(&project), &update)
        .await?;
    app.metadata.forget_projects();
    Ok(ProjectView::from(&updated))
}
