//! `update_issue_comment`: change a comment's text.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::OVERWRITES;
use crate::app::tooling::{AppTool, IdOrName, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::selectors;
use crate::app::tools::register::register;
use crate::app::views::CommentView;
use crate::domain::ids::CommentId;
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::Deserialize;
use std::sync::Arc;

const INFO: ToolInfo = ToolInfo {
    name: "update_issue_comment",
    title: "Edit a comment",
    description: "Replace the text of a comment on an issue. Only the comment's author (the API \
        key's user) may edit it. Give the issue (issueKey or issueId), commentId and the new content.",
    annotations: OVERWRITES,
    toolset: Toolset::Issue,
    list: None,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct UpdateIssueCommentArgs {
    /// The issue's numeric id (or its key); 0 or absent means use issueKey.
    #[serde(default)]
    pub issue_id: Option<IdOrName>,
    /// The issue key, e.g. WEB-42.
    #[serde(default)]
    pub issue_key: Option<String>,
    /// The comment's id.
    pub comment_id: i64,
    /// The new text.
    pub content: String,
    /// IANA timezone for times (default: the server's).
    #[serde(default)]
    pub timezone: Option<String>,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, INFO, run)
}

async fn run(
    app: Arc<AppContext>,
    args: UpdateIssueCommentArgs,
    _: ToolContext,
) -> Result<CommentView, ToolError> {
    let zone = app.zone(args.timezone.as_deref())?;
    if args.content.trim().is_empty() {
        return Err(ToolError::argument("content", "the comment is empty"));
    }
    let comment =
        CommentId::new(args.comment_id).map_err(|e| ToolError::argument("commentId", e))?;
    let issue = selectors::issue(&app, args.issue_id.as_ref(), args.issue_key.as_deref()).await?;
    let updated = app
        .backlog
        .issues
        .update_comment(&issue, comment, &args.content)
        .await?;
    Ok(CommentView::new(&updated, zone))
}
