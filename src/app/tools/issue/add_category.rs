//! `add_category`: add a category to a project.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::CREATES;
use crate::app::tooling::validate::not_blank;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::project_selector::ProjectSelector;
use crate::app::tools::register::register;
use crate::app::views::NamedView;
use crate::ports::{ProjectRef, ToolContext};
use schemars::JsonSchema;
use serde::Deserialize;
use std::sync::Arc;

const INFO: ToolInfo = ToolInfo {
    name: "add_category",
    title: "Add a category",
    description: "Add a category to a project. Give projectId (id, key or name) or projectKey, \
        and the new category's name (it must not exist yet).",
    annotations: CREATES,
    toolset: Toolset::Issue,
    list: None,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AddCategoryArgs {
    #[serde(flatten)]
    pub project: ProjectSelector,
    /// The category's name.
    pub name: String,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, INFO, run)
}

async fn run(
    app: Arc<AppContext>,
    args: AddCategoryArgs,
    _: ToolContext,
) -> Result<NamedView, ToolError> {
    not_blank("name", &args.name, "the name is empty")?;
    let project = args.project.project(&app).await?;
    let category = app
        .backlog
        .categories
        .add_category(&ProjectRef::from(&project), args.name.trim())
        .await?;
    app.metadata.forget_categories(project.id);
    Ok(NamedView::from(&category))
}
