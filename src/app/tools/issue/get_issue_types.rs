//! get_issue_types: a project's issue types.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::listing::{LISTING, Listing, ProjectListArgs};
use crate::app::tools::register::register;
use crate::app::views::IssueTypeView;
use crate::ports::{ProjectRef, ToolContext};
use std::sync::Arc;

const ISSUE_TYPES: ToolInfo = ToolInfo {
    name: "get_issue_types",
    title: "List a project's issue types",
    description: "List a project's issue types (e.g. Task, Bug, Request) with ids. Give \
        projectId (id, key or name) or projectKey.",
    annotations: READS,
    toolset: Toolset::Issue,
    list: LISTING,
};

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, ISSUE_TYPES, issue_types).with_fields::<IssueTypeView>()
}

async fn issue_types(
    app: Arc<AppContext>,
    args: ProjectListArgs,
    _: ToolContext,
) -> Result<Listing<IssueTypeView>, ToolError> {
    let fields = args.fields.choose::<IssueTypeView>()?;
    let found = app
        .backlog
        .issue_types
        .issue_types(&ProjectRef::from(&args.project.project(&app).await?))
        .await?;
    Ok(Listing::new(found.iter().map(IssueTypeView::from), &fields))
}
