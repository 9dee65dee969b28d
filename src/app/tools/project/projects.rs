//! Projects: list, get, add, update.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::{CREATES, OVERWRITES, READS};
use crate::app::tooling::{
    AppTool, FieldSelection, IdOrName, ListSpec, Paging, ToolError, ToolInfo, ToolKit, Toolset,
};
use crate::app::tools::common::listing::Listing;
use crate::app::tools::common::selectors;
use crate::app::tools::register::register;
use crate::app::views::ProjectView;
use crate::domain::changes::{NewProject, ProjectUpdate, TextFormattingRule};
use crate::domain::keys::ProjectKey;
use crate::domain::project::ProjectListQuery;
use crate::ports::{ProjectRef, ToolContext};
use schemars::JsonSchema;
use serde::Deserialize;
use std::sync::Arc;

const LIST: ToolInfo = ToolInfo {
    name: "get_project_list",
    title: "List projects",
    description: "List the projects you have joined (key, name, archived). archived: false \
        lists only active projects; all: true (administrators) lists every project of the space.",
    annotations: READS,
    toolset: Toolset::Project,
    list: Some(ListSpec {
        items: "items",
        paging: Paging::Whole,
    }),
};

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

const UPDATE: ToolInfo = ToolInfo {
    name: "update_project",
    title: "Update a project",
    description: "Change a project's name, key, switches, text formatting rule, or archive it \
        (archived: true). Give projectId (id, key or name) or projectKey; fields left out stay.",
    annotations: OVERWRITES,
    toolset: Toolset::Project,
    list: None,
};

#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FormattingArg {
    Markdown,
    Backlog,
}

impl FormattingArg {
    fn rule(self) -> TextFormattingRule {
        match self {
            Self::Markdown => TextFormattingRule::Markdown,
            Self::Backlog => TextFormattingRule::Backlog,
        }
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ListProjectsArgs {
    /// true: only archived; false: only active. Default: both.
    #[serde(default)]
    pub archived: Option<bool>,
    /// Administrators: every project of the space, not only joined ones.
    #[serde(default)]
    pub all: Option<bool>,
    #[serde(default)]
    pub fields: Option<Vec<String>>,
}

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

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct UpdateProjectArgs {
    /// The project: id, key (WEB) or name; 0 or absent means use projectKey.
    #[serde(default)]
    pub project_id: Option<IdOrName>,
    /// The project key, e.g. WEB.
    #[serde(default)]
    pub project_key: Option<String>,
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

pub fn list_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, LIST, list).with_fields::<ProjectView>()
}

pub fn get_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, GET, get)
}

pub fn add_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, ADD, add)
}

pub fn update_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, UPDATE, update)
}

async fn list(
    app: Arc<AppContext>,
    args: ListProjectsArgs,
    _: ToolContext,
) -> Result<Listing<ProjectView>, ToolError> {
    let fields = FieldSelection::choose::<ProjectView>(args.fields.as_deref())?;
    let query = ProjectListQuery {
        archived: args.archived,
        all: args.all.unwrap_or(false),
    };
    let projects = app.backlog.projects.projects(&query).await?;
    Ok(Listing::new(
        projects.iter().map(ProjectView::from),
        &fields,
    ))
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

async fn add(
    app: Arc<AppContext>,
    args: AddProjectArgs,
    _: ToolContext,
) -> Result<ProjectView, ToolError> {
    if args.name.trim().is_empty() {
        return Err(ToolError::argument("name", "the name is empty"));
    }
    let new = NewProject {
        name: args.name.trim().to_owned(),
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

async fn update(
    app: Arc<AppContext>,
    args: UpdateProjectArgs,
    _: ToolContext,
) -> Result<ProjectView, ToolError> {
    let project =
        selectors::project(&app, args.project_id.as_ref(), args.project_key.as_deref()).await?;
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
        return Err(ToolError::argument(
            "name",
            "nothing to change: give at least one setting",
        ));
    }
    let updated = app
        .backlog
        .projects
        .update_project(&ProjectRef::Id(project.id), &update)
        .await?;
    app.metadata.forget_projects();
    Ok(ProjectView::from(&updated))
}
