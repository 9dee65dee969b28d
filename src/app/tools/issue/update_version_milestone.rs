//! update_version_milestone: change a version or milestone.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::OVERWRITES;
use crate::app::tooling::validate::{change_date, not_blank};
use crate::app::tooling::{AppTool, IdOrName, ToolError, ToolInfo, ToolKit, Toolset, nullable};
use crate::app::tools::common::project_selector::ProjectSelector;
use crate::app::tools::register::register;
use crate::app::views::VersionView;
use crate::domain::changes::VersionUpdate;
use crate::ports::{ProjectRef, ToolContext};
use schemars::JsonSchema;
use serde::Deserialize;
use std::sync::Arc;

const UPDATE: ToolInfo = ToolInfo {
    name: "update_version_milestone",
    title: "Update a version or milestone",
    description: "Change a version or milestone of a project: name (required by Backlog; give the \
        current one to keep it), description, dates (null empties one), archived. id is the \
        version's id or its current name.",
    annotations: OVERWRITES,
    toolset: Toolset::Issue,
    list: None,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct UpdateVersionArgs {
    #[serde(flatten)]
    pub project: ProjectSelector,
    /// The version: id or current name.
    pub id: IdOrName,
    /// The (new) name.
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    /// YYYY-MM-DD; null empties it.
    #[serde(default, deserialize_with = "nullable")]
    #[schemars(with = "Option<String>", extend("nullable" = true))]
    pub start_date: Option<Option<String>>,
    /// YYYY-MM-DD; null empties it.
    #[serde(default, deserialize_with = "nullable")]
    #[schemars(with = "Option<String>", extend("nullable" = true))]
    pub release_due_date: Option<Option<String>>,
    #[serde(default)]
    pub archived: Option<bool>,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, UPDATE, update)
}

async fn update(
    app: Arc<AppContext>,
    args: UpdateVersionArgs,
    _: ToolContext,
) -> Result<VersionView, ToolError> {
    let name = not_blank(
        "name",
        &args.name,
        "the name is empty; give the current name to keep it",
    )?;
    let project = args.project.project(&app).await?;
    let id = app.resolver().version("id", project.id, &args.id).await?;
    let update = VersionUpdate {
        name: name.to_owned(),
        description: args.description.clone(),
        start_date: change_date("startDate", &args.start_date)?,
        release_due_date: change_date("releaseDueDate", &args.release_due_date)?,
        archived: args.archived,
    };
    let version = app
        .backlog
        .versions
        .update_version(&ProjectRef::from(&project), id, &update)
        .await?;
    app.metadata.forget_versions(project.id);
    Ok(VersionView::from(&version))
}
