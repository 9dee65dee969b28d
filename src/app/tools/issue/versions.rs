//! Versions and milestones (one Backlog object): list, add, update, delete.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::{CREATES, DELETES, OVERWRITES, READS};
use crate::app::tooling::validate::{change_date, date};
use crate::app::tooling::{
    AppTool, FieldSelection, IdOrName, ListSpec, Paging, ToolError, ToolInfo, ToolKit, Toolset,
    nullable,
};
use crate::app::tools::common::listing::Listing;
use crate::app::tools::common::selectors;
use crate::app::tools::register::register;
use crate::app::views::VersionView;
use crate::domain::changes::{NewVersion, VersionUpdate};
use crate::domain::project::Project;
use crate::ports::{ProjectRef, ToolContext};
use schemars::JsonSchema;
use serde::Deserialize;
use std::sync::Arc;

const LIST: ToolInfo = ToolInfo {
    name: "get_version_milestone_list",
    title: "List versions and milestones",
    description: "List a project's versions and milestones (Backlog uses one object for both) \
        with their start and release dates and whether archived. Give projectId (id, key or name) \
        or projectKey; archived: false lists only current ones.",
    annotations: READS,
    toolset: Toolset::Issue,
    list: Some(ListSpec {
        items: "items",
        paging: Paging::Whole,
    }),
};

const ADD: ToolInfo = ToolInfo {
    name: "add_version_milestone",
    title: "Add a version or milestone",
    description: "Add a version or milestone to a project: name, optional description, start \
        date and release due date (YYYY-MM-DD).",
    annotations: CREATES,
    toolset: Toolset::Issue,
    list: None,
};

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
pub struct ListVersionsArgs {
    /// The project: id, key (WEB) or name; 0 or absent means use projectKey.
    #[serde(default)]
    pub project_id: Option<IdOrName>,
    /// The project key, e.g. WEB.
    #[serde(default)]
    pub project_key: Option<String>,
    /// true: only archived ones; false: only current ones. Default: both.
    #[serde(default)]
    pub archived: Option<bool>,
    #[serde(default)]
    pub fields: Option<Vec<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AddVersionArgs {
    /// The project: id, key (WEB) or name; 0 or absent means use projectKey.
    #[serde(default)]
    pub project_id: Option<IdOrName>,
    /// The project key, e.g. WEB.
    #[serde(default)]
    pub project_key: Option<String>,
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

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct UpdateVersionArgs {
    /// The project: id, key (WEB) or name; 0 or absent means use projectKey.
    #[serde(default)]
    pub project_id: Option<IdOrName>,
    /// The project key, e.g. WEB.
    #[serde(default)]
    pub project_key: Option<String>,
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

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeleteVersionArgs {
    /// The project: id, key (WEB) or name; 0 or absent means use projectKey.
    #[serde(default)]
    pub project_id: Option<IdOrName>,
    /// The project key, e.g. WEB.
    #[serde(default)]
    pub project_key: Option<String>,
    /// The version: id or name.
    pub id: IdOrName,
}

pub fn list_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, LIST, list).with_fields::<VersionView>()
}

pub fn add_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, ADD, add)
}

pub fn update_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, UPDATE, update)
}

pub fn delete_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, DELETE, delete)
}

async fn project(
    app: &AppContext,
    id: Option<&IdOrName>,
    key: Option<&str>,
) -> Result<Project, ToolError> {
    selectors::project(app, id, key).await
}

async fn list(
    app: Arc<AppContext>,
    args: ListVersionsArgs,
    _: ToolContext,
) -> Result<Listing<VersionView>, ToolError> {
    let fields = FieldSelection::choose::<VersionView>(args.fields.as_deref())?;
    let project = project(&app, args.project_id.as_ref(), args.project_key.as_deref()).await?;
    let versions = app
        .backlog
        .projects
        .versions(&ProjectRef::Id(project.id))
        .await?;
    Ok(Listing::new(
        versions
            .iter()
            .filter(|v| args.archived.is_none_or(|archived| v.archived == archived))
            .map(VersionView::from),
        &fields,
    ))
}

async fn add(
    app: Arc<AppContext>,
    args: AddVersionArgs,
    _: ToolContext,
) -> Result<VersionView, ToolError> {
    if args.name.trim().is_empty() {
        return Err(ToolError::argument("name", "the name is empty"));
    }
    let project = project(&app, args.project_id.as_ref(), args.project_key.as_deref()).await?;
    let new = NewVersion {
        name: args.name.trim().to_owned(),
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
        .projects
        .add_version(&ProjectRef::Id(project.id), &new)
        .await?;
    app.metadata.forget_versions(project.id);
    Ok(VersionView::from(&version))
}

async fn update(
    app: Arc<AppContext>,
    args: UpdateVersionArgs,
    _: ToolContext,
) -> Result<VersionView, ToolError> {
    if args.name.trim().is_empty() {
        return Err(ToolError::argument(
            "name",
            "the name is empty; give the current name to keep it",
        ));
    }
    let project = project(&app, args.project_id.as_ref(), args.project_key.as_deref()).await?;
    let id = app.resolver().version("id", project.id, &args.id).await?;
    let update = VersionUpdate {
        name: args.name.trim().to_owned(),
        description: args.description.clone(),
        start_date: change_date("startDate", &args.start_date)?,
        release_due_date: change_date("releaseDueDate", &args.release_due_date)?,
        archived: args.archived,
    };
    let version = app
        .backlog
        .projects
        .update_version(&ProjectRef::Id(project.id), id, &update)
        .await?;
    app.metadata.forget_versions(project.id);
    Ok(VersionView::from(&version))
}

async fn delete(
    app: Arc<AppContext>,
    args: DeleteVersionArgs,
    _: ToolContext,
) -> Result<VersionView, ToolError> {
    let project = project(&app, args.project_id.as_ref(), args.project_key.as_deref()).await?;
    let id = app.resolver().version("id", project.id, &args.id).await?;
    let version = app
        .backlog
        .projects
        .delete_version(&ProjectRef::Id(project.id), id)
        .await?;
    app.metadata.forget_versions(project.id);
    Ok(VersionView::from(&version))
}
