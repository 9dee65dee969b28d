//! `delete_issue`: delete an issue.

use super::get_issue::compact_issue;
use crate::app::context::AppContext;
use crate::app::tooling::annotations::DELETES;
use crate::app::tooling::{AppTool, Projected, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::issue_selector::IssueSelector;
use crate::app::tools::register::register;
use crate::app::views::IssueView;
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

const INFO: ToolInfo = ToolInfo {
    name: "delete_issue",
    title: "Delete an issue",
    description: "Delete an issue for good, with its comments. Backlog keeps no trash: this cannot \
        be undone, so confirm with the user first. Give issueKey (e.g. WEB-42) or issueId.",
    annotations: DELETES,
    toolset: Toolset::Issue,
    list: None,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeleteIssueArgs {
    #[serde(flatten)]
    pub issue: IssueSelector,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeletedIssue {
    /// The issue as it was.
    pub deleted: Projected<IssueView>,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, INFO, run)
}

async fn run(
    app: Arc<AppContext>,
    args: DeleteIssueArgs,
    _: ToolContext,
) -> Result<DeletedIssue, ToolError> {
    let issue = args.issue.issue(&app).await?;
    let deleted = app.backlog.issues.delete_issue(&issue).await?;
    Ok(DeletedIssue {
        deleted: compact_issue(&app, &deleted)?,
    })
}
