//! get_categories: a project's categories.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::listing::{LISTING, Listing, ProjectListArgs};
use crate::app::tools::register::register;
use crate::app::views::NamedView;
use crate::ports::{ProjectRef, ToolContext};
use std::sync::Arc;

const CATEGORIES: ToolInfo = ToolInfo {
    name: "get_categories",
    title: "List a project's categories",
    description: "List a project's categories (ids and names). Give projectId (id, key or name) \
        or projectKey. get_project_metadata lists all of a project's vocabulary at once.",
    annotations: READS,
    toolset: Toolset::Issue,
    list: LISTING,
};

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, CATEGORIES, categories).with_fields::<NamedView>()
}

async fn categories(
    app: Arc<AppContext>,
    args: ProjectListArgs,
    _: ToolContext,
) -> Result<Listing<NamedView>, ToolError> {
    let fields = args.fields.choose::<NamedView>()?;
    let found = app
        .backlog
        .categories
        .categories(&ProjectRef::from(&args.project.project(&app).await?))
        .await?;
    Ok(Listing::new(found.iter().map(NamedView::from), &fields))
}
