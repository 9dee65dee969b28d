//! The lookup tools of the issue toolset: priorities, resolutions, categories,
//! custom fields and issue types, each a list answer with `fields`.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{
    AppTool, FieldSelection, ListSpec, Paging, ToolError, ToolInfo, ToolKit, Toolset,
};
use crate::app::tools::common::listing::{FieldsArgs, Listing, ProjectListArgs};
use crate::app::tools::common::selectors;
use crate::app::tools::register::register;
use crate::app::views::{CustomFieldDefinitionView, IssueTypeView, NamedView};
use crate::ports::{ProjectRef, ToolContext};
use std::sync::Arc;

const LIST: Option<ListSpec> = Some(ListSpec {
    items: "items",
    paging: Paging::Whole,
});

const PRIORITIES: ToolInfo = ToolInfo {
    name: "get_priorities",
    title: "List priorities",
    description: "List the space's priorities (ids and names: 2 High, 3 Normal, 4 Low). Other \
        tools accept the names directly.",
    annotations: READS,
    toolset: Toolset::Issue,
    list: LIST,
};

const RESOLUTIONS: ToolInfo = ToolInfo {
    name: "get_resolutions",
    title: "List resolutions",
    description: "List the space's resolutions (0 Fixed, 1 Won't Fix, 2 Invalid, 3 Duplication, \
        4 Cannot Reproduce, in the space's language). Other tools accept the names directly.",
    annotations: READS,
    toolset: Toolset::Issue,
    list: LIST,
};

const CATEGORIES: ToolInfo = ToolInfo {
    name: "get_categories",
    title: "List a project's categories",
    description: "List a project's categories (ids and names). Give projectId (id, key or name) \
        or projectKey. get_project_metadata lists all of a project's vocabulary at once.",
    annotations: READS,
    toolset: Toolset::Issue,
    list: LIST,
};

const CUSTOM_FIELDS: ToolInfo = ToolInfo {
    name: "get_custom_fields",
    title: "List a project's custom fields",
    description: "List a project's custom fields: id, name, type, whether required, the \
        choices of list fields, and the limits, unit and default of numeric and date fields. \
        Give projectId (id, key or name) or projectKey.",
    annotations: READS,
    toolset: Toolset::Issue,
    list: LIST,
};

const ISSUE_TYPES: ToolInfo = ToolInfo {
    name: "get_issue_types",
    title: "List a project's issue types",
    description: "List a project's issue types (e.g. Task, Bug, Request) with ids. Give \
        projectId (id, key or name) or projectKey.",
    annotations: READS,
    toolset: Toolset::Issue,
    list: LIST,
};

pub fn priorities_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, PRIORITIES, priorities).with_fields::<NamedView>()
}

pub fn resolutions_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, RESOLUTIONS, resolutions).with_fields::<NamedView>()
}

pub fn categories_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, CATEGORIES, categories).with_fields::<NamedView>()
}

pub fn custom_fields_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, CUSTOM_FIELDS, custom_fields).with_fields::<CustomFieldDefinitionView>()
}

pub fn issue_types_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, ISSUE_TYPES, issue_types).with_fields::<IssueTypeView>()
}

async fn priorities(
    app: Arc<AppContext>,
    args: FieldsArgs,
    _: ToolContext,
) -> Result<Listing<NamedView>, ToolError> {
    let fields = FieldSelection::choose::<NamedView>(args.fields.as_deref())?;
    let found = app.backlog.space.priorities().await?;
    Ok(Listing::new(found.iter().map(NamedView::of), &fields))
}

async fn resolutions(
    app: Arc<AppContext>,
    args: FieldsArgs,
    _: ToolContext,
) -> Result<Listing<NamedView>, ToolError> {
    let fields = FieldSelection::choose::<NamedView>(args.fields.as_deref())?;
    let found = app.backlog.space.resolutions().await?;
    Ok(Listing::new(found.iter().map(NamedView::of), &fields))
}

async fn project_ref(app: &AppContext, args: &ProjectListArgs) -> Result<ProjectRef, ToolError> {
    let project =
        selectors::project(app, args.project_id.as_ref(), args.project_key.as_deref()).await?;
    Ok(ProjectRef::Id(project.id))
}

async fn categories(
    app: Arc<AppContext>,
    args: ProjectListArgs,
    _: ToolContext,
) -> Result<Listing<NamedView>, ToolError> {
    let fields = FieldSelection::choose::<NamedView>(args.fields.as_deref())?;
    let found = app
        .backlog
        .projects
        .categories(&project_ref(&app, &args).await?)
        .await?;
    Ok(Listing::new(found.iter().map(NamedView::from), &fields))
}

async fn custom_fields(
    app: Arc<AppContext>,
    args: ProjectListArgs,
    _: ToolContext,
) -> Result<Listing<CustomFieldDefinitionView>, ToolError> {
    let fields = FieldSelection::choose::<CustomFieldDefinitionView>(args.fields.as_deref())?;
    let found = app
        .backlog
        .projects
        .custom_fields(&project_ref(&app, &args).await?)
        .await?;
    Ok(Listing::new(
        found.iter().map(CustomFieldDefinitionView::from),
        &fields,
    ))
}

async fn issue_types(
    app: Arc<AppContext>,
    args: ProjectListArgs,
    _: ToolContext,
) -> Result<Listing<IssueTypeView>, ToolError> {
    let fields = FieldSelection::choose::<IssueTypeView>(args.fields.as_deref())?;
    let found = app
        .backlog
        .projects
        .issue_types(&project_ref(&app, &args).await?)
        .await?;
    Ok(Listing::new(found.iter().map(IssueTypeView::from), &fields))
}
