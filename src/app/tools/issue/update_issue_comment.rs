//! `update_issue_comment`: change a comment's text.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::OVERWRITES;
use crate::app::tooling::validate::not_blank;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::issue_selector::IssueSelector;
use crate::app::tools::common::timezone_arg::TimezoneArg;
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
    #[serde(flatten)]
    pub issue: IssueSelector,
    /// The comment's id.
    pub comment_id: i64,
    /// The new text.
    pub content: String,
    #[serde(flatten)]
    pub timezone: TimezoneArg,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, INFO, run)
}

async fn run(
    app: Arc<AppContext>,
    args: UpdateIssueCommentArgs,
    _: ToolContext,
) -> Result<CommentView, ToolError> {
    let zone = app.zone(args.timezone.zone())?;
    not_blank("content", &args.content, "the comment is empty")?;
    let comment =
        CommentId::new(args.comment_id).map_err(|e| ToolError::argument("commentId", e))?;
    let issue = args.issue.issue(&app).await?;
    let updated = app
        .backlog
        .comments
        .update_comment(&issue, comment, &args.content)
        .await?;
    Ok(CommentView::new(&updated, zone))
}
