//! add_version_milestone: add a version or milestone to a project.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::CREATES;
use crate::app::tooling::validate::{date, not_blank};
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::project_selector::ProjectSelector;
use crate::app::tools::register::register;
use crate::app::views::VersionView;
use crate::domain::changes::NewVersion;
use crate::ports::{ProjectRef, ToolContext};
use schemars::JsonSchema;
use serde::Deserialize;
use std::sync::Arc;

const ADD: ToolInfo = ToolInfo {
    name: "add_version_milestone",
    title: "Add a version or milestone",
    description: "Add a version or milestone to a project: name, optional description, start \
        date and release due date (YYYY-MM-DD).",
    annotations: CREATES,
    toolset: Toolset::Issue,
    list: None,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AddVersionArgs {
    #[serde(flatten)]
    pub project: ProjectSelector,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    /// YYYY-MM-DD.
    #[serde(default)]
    pub start_date: Option<String>,
    /// YYYY-MM-DD.
    #[serde(default)]
    pub release_due_date: Option<String>,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, ADD, add)
}

async fn add(
    app: Arc<AppContext>,
    args: AddVersionArgs,
    _: ToolContext,
) -> Result<VersionView, ToolError> {
    let name = not_blank("name", &args.name, "the name is empty")?;
    let project = args.project.project(&app).await?;
    let new = NewVersion {
        name: name.to_owned(),
        description: args.description.clone(),
        start_date: date("startDate", args.start_date.as_deref())?,
        release_due_date: date("releaseDueDate", args.release_due_date.as_deref())?,
    };
    if let (Some(start), Some(due)) = (new.start_date, new.release_due_date)
        && start > due
    {
        return Err(ToolError::argument(
            "startDate",
            format!("startDate ({start}) is after releaseDueDate ({due})"),
        ));
    }
    let version = app
        .backlog
        .versions
        .add_version(&ProjectRef::from(&project), &new)
        .await?;
    app.metadata.forget_versions(project.id);
    Ok(VersionView::from(&version))
}
