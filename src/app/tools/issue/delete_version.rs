//! delete_version: delete a version or milestone.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::DELETES;
use crate::app::tooling::{AppTool, IdOrName, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::project_selector::ProjectSelector;
use crate::app::tools::register::register;
use crate::app::views::VersionView;
use crate::ports::{ProjectRef, ToolContext};
use schemars::JsonSchema;
use serde::Deserialize;
use std::sync::Arc;

const DELETE: ToolInfo = ToolInfo {
    name: "delete_version",
    title: "Delete a version or milestone",
    description: "Delete a version or milestone of a project; issues lose it. This cannot be \
        undone. id is the version's id or name.",
    annotations: DELETES,
    toolset: Toolset::Issue,
    list: None,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeleteVersionArgs {
    #[serde(flatten)]
    pub project: ProjectSelector,
    /// The version: id or name.
    pub id: IdOrName,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, DELETE, delete)
}

async fn delete(
    app: Arc<AppContext>,
    args: DeleteVersionArgs,
    _: ToolContext,
) -> Result<VersionView, ToolError> {
    let project = args.project.project(&app).await?;
    let id = app.resolver().version("id", project.id, &args.id).await?;
    let version = app
        .backlog
        .versions
        .delete_version(&ProjectRef::from(&project), id)
        .await?;
    app.metadata.forget_versions(project.id);
    Ok(VersionView::from(&version))
}
