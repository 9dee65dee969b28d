//! add_related_issue: link an issue to another.

use super::related_link::{RelatedLink, link};
use crate::app::context::AppContext;
use crate::app::tooling::annotations::CREATES;
use crate::app::tooling::{AppTool, IdOrName, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::issue_selector::IssueSelector;
use crate::app::tools::register::register;
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::Deserialize;
use std::sync::Arc;

const ADD: ToolInfo = ToolInfo {
    name: "add_related_issue",
    title: "Link a related issue",
    description: "Link another issue to an issue as related. Give the issue (issueKey or issueId) \
        and targetIssueId (the other issue's id or key, e.g. WEB-7).",
    annotations: CREATES,
    toolset: Toolset::Issue,
    list: None,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AddRelatedIssueArgs {
    #[serde(flatten)]
    pub issue: IssueSelector,
    /// The issue to link: id or key.
    pub target_issue_id: IdOrName,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, ADD, add)
}

async fn add(
    app: Arc<AppContext>,
    args: AddRelatedIssueArgs,
    _: ToolContext,
) -> Result<RelatedLink, ToolError> {
    let issue = args.issue.issue(&app).await?;
    let target = app
        .resolver()
        .issue_id("targetIssueId", &args.target_issue_id)
        .await?;
    let related = app.backlog.issues.add_related_issue(&issue, target).await?;
    link(&app, &issue, &related)
}
