//! add_related_issue: link an issue to another.

use super::related_link::{RelatedLink, link};
use crate::app::context::AppContext;
use crate::app::tooling::annotations::CREATES;
use crate::app::tooling::{AppTool, IdOrName, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::selectors;
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
    /// The issue's numeric id (or its key); 0 or absent means use issueKey.
    #[serde(default)]
    pub issue_id: Option<IdOrName>,
    /// The issue key, e.g. WEB-42.
    #[serde(default)]
    pub issue_key: Option<String>,
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
    let issue = selectors::issue(&app, args.issue_id.as_ref(), args.issue_key.as_deref()).await?;
    let target = app
        .resolver()
        .issue_id("targetIssueId", &args.target_issue_id)
        .await?;
    let related = app.backlog.issues.add_related_issue(&issue, target).await?;
    link(&app, &issue, &related)
}
