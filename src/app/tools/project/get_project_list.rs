//! get_project_list: the projects this server may see.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::fields_args::FieldsArgs;
use crate::app::tools::common::listing::{LISTING, Listing};
use crate::app::tools::register::register;
use crate::app::views::ProjectView;
use crate::domain::project::ProjectListQuery;
use crate::ports::ToolContext;
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
    list: LISTING,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ListProjectsArgs {
    /// true: only archived; false: only active. Default: both.
    #[serde(default)]
    pub archived: Option<bool>,
    /// Administrators: every project of the space, not only joined ones.
    #[serde(default)]
    pub all: Option<bool>,
    #[serde(flatten)]
    pub fields: FieldsArgs,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, LIST, list).with_fields::<ProjectView>()
}

async fn list(
    app: Arc<AppContext>,
    args: ListProjectsArgs,
    _: ToolContext,
) -> Result<Listing<ProjectView>, ToolError> {
    let fields = args.fields.choose::<ProjectView>()?;
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
