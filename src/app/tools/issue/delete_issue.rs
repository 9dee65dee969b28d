//! `delete_issue`: delete an issue.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::DELETES;
use crate::app::tooling::{
    AppTool, FieldSelection, IdOrName, Projected, ToolError, ToolInfo, ToolKit, Toolset,
};
use crate::app::tools::common::selectors;
use crate::app::tools::register::register;
use crate::app::views::IssueView;
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
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
    /// The issue's numeric id (or its key); 0 or absent means use issueKey.
    #[serde(default)]
    pub issue_id: Option<IdOrName>,
    /// The issue key, e.g. WEB-42.
    #[serde(default)]
    pub issue_key: Option<String>,
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
    let issue = selectors::issue(&app, args.issue_id.as_ref(), args.issue_key.as_deref()).await?;
    let deleted = app.backlog.issues.delete_issue(&issue).await?;
    let none = HashMap::new();
    let view = IssueView::new(&deleted, &app.view(app.default_zone, &none));
    Ok(DeletedIssue {
        deleted: Projected::new(view, &FieldSelection::choose::<IssueView>(None)?),
    })
}
