//! get_version_milestone_list: a project's versions and milestones.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::fields_args::FieldsArgs;
use crate::app::tools::common::listing::{LISTING, Listing};
use crate::app::tools::common::project_selector::ProjectSelector;
use crate::app::tools::register::register;
use crate::app::views::VersionView;
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
    list: LISTING,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ListVersionsArgs {
    #[serde(flatten)]
    pub project: ProjectSelector,
    /// true: only archived ones; false: only current ones. Default: both.
    #[serde(default)]
    pub archived: Option<bool>,
    #[serde(flatten)]
    pub fields: FieldsArgs,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, LIST, list).with_fields::<VersionView>()
}

async fn list(
    app: Arc<AppContext>,
    args: ListVersionsArgs,
    _: ToolContext,
) -> Result<Listing<VersionView>, ToolError> {
    let fields = args.fields.choose::<VersionView>()?;
    let project = args.project.project(&app).await?;
    let versions = app
        .backlog
        .versions
        .versions(&ProjectRef::from(&project))
        .await?;
    Ok(Listing::new(
        versions
            .iter()
            .filter(|v| args.archived.is_none_or(|archived| v.archived == archived))
            .map(VersionView::from),
        &fields,
    ))
}
