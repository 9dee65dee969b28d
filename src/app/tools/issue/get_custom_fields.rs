//! get_custom_fields: a project's custom fields.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::listing::{LISTING, Listing, ProjectListArgs};
use crate::app::tools::register::register;
use crate::app::views::CustomFieldDefinitionView;
use crate::ports::{ProjectRef, ToolContext};
use std::sync::Arc;

const CUSTOM_FIELDS: ToolInfo = ToolInfo {
    name: "get_custom_fields",
    title: "List a project's custom fields",
    description: "List a project's custom fields: id, name, type, whether required, the \
        choices of list fields, and the limits, unit and default of numeric and date fields. \
        Give projectId (id, key or name) or projectKey.",
    annotations: READS,
    toolset: Toolset::Issue,
    list: LISTING,
};

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, CUSTOM_FIELDS, custom_fields).with_fields::<CustomFieldDefinitionView>()
}

async fn custom_fields(
    app: Arc<AppContext>,
    args: ProjectListArgs,
    _: ToolContext,
) -> Result<Listing<CustomFieldDefinitionView>, ToolError> {
    let fields = args.fields.choose::<CustomFieldDefinitionView>()?;
    let found = app
        .backlog
        .custom_fields
        .custom_fields(&ProjectRef::from(&args.project.project(&app).await?))
        .await?;
    Ok(Listing::new(
        found.iter().map(CustomFieldDefinitionView::from),
        &fields,
    ))
}
