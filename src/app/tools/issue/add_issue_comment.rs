//! `add_issue_comment`: comment on an issue.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::CREATES;
use crate::app::tooling::validate::not_blank;
use crate::app::tooling::{AppTool, IdOrName, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::issue_selector::IssueSelector;
use crate::app::tools::common::notice::{attachments, notified};
use crate::app::tools::common::timezone_arg::TimezoneArg;
use crate::app::tools::register::register;
use crate::app::views::CommentView;
use crate::domain::changes::NewComment;
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::Deserialize;
use std::sync::Arc;

const INFO: ToolInfo = ToolInfo {
    name: "add_issue_comment",
    title: "Comment on an issue",
    description: "Post a comment on an issue, optionally notifying users (by name, login id or \
        \"me\"). Give issueKey (e.g. WEB-42) or issueId, and content. To change fields and comment \
        at once, use update_issue with `comment`.",
    annotations: CREATES,
    toolset: Toolset::Issue,
    list: None,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AddIssueCommentArgs {
    #[serde(flatten)]
    pub issue: IssueSelector,
    /// The comment text.
    pub content: String,
    /// Users to notify: ids, login ids, names, or "me".
    #[serde(default)]
    pub notified_user_id: Option<Vec<IdOrName>>,
    /// Ids of files uploaded to the space beforehand.
    #[serde(default)]
    pub attachment_id: Option<Vec<i64>>,
    #[serde(flatten)]
    pub timezone: TimezoneArg,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, INFO, run)
}

async fn run(
    app: Arc<AppContext>,
    args: AddIssueCommentArgs,
    _: ToolContext,
) -> Result<CommentView, ToolError> {
    let zone = app.zone(args.timezone.zone())?;
    not_blank("content", &args.content, "the comment is empty")?;
    let issue = args.issue.issue(&app).await?;
    let comment = NewComment {
        content: args.content.clone(),
        notified_user_ids: notified(&app.resolver(), &args.notified_user_id).await?,
        attachment_ids: attachments(args.attachment_id.as_deref())?,
    };
    let added = app.backlog.issues.add_comment(&issue, &comment).await?;
    Ok(CommentView::new(&added, zone))
}
