//! remove_related_issue: unlink a related issue.

use super::related_link::{RelatedLink, link};
use crate::app::context::AppContext;
use crate::app::tooling::annotations::DELETES;
use crate::app::tooling::{AppTool, IdOrName, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::issue_selector::IssueSelector;
use crate::app::tools::register::register;
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::Deserialize;
use std::sync::Arc;

const REMOVE: ToolInfo = ToolInfo {
    name: "remove_related_issue",
    title: "Unlink a related issue",
    description: "Remove the related link between an issue (issueKey or issueId) and \
        relatedIssueId (the other issue's id or key). The issues themselves stay.",
    annotations: DELETES,
    toolset: Toolset::Issue,
    list: None,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RemoveRelatedIssueArgs {
    #[serde(flatten)]
    pub issue: IssueSelector,
    /// The linked issue to unlink: id or key.
    pub related_issue_id: IdOrName,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, REMOVE, remove)
}

async fn remove(
    app: Arc<AppContext>,
    args: RemoveRelatedIssueArgs,
    _: ToolContext,
) -> Result<RelatedLink, ToolError> {
    let issue = args.issue.issue(&app).await?;
    let related_id = app
        .resolver()
        .issue_id("relatedIssueId", &args.related_issue_id)
        .await?;
    let related = app
        .backlog
        .issues
        .remove_related_issue(&issue, related_id)
        .await?;
    link(&app, &issue, &related)
}
