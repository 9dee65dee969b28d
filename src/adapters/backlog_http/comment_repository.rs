//! Issues' comments: `/issues/:issueIdOrKey/comments`.

use super::api_call::ApiCall;
use super::client::HttpBacklog;
use super::issue_form::new_comment_form;
use super::params::Params;
use super::wire::{WireComment, all};
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::NewComment;
use crate::domain::comment::Comment;
use crate::domain::ids::CommentId;
use crate::ports::{CommentPage, CommentRepository, IssueRef};
use async_trait::async_trait;

#[async_trait]
impl CommentRepository for HttpBacklog {
    async fn comments(
        &self,
        issue: &IssueRef,
        page: CommentPage,
    ) -> Result<Vec<Comment>, BacklogError> {
        let id = issue.to_string();
        let mut query = Params::new();
        query
            .push_opt("minId", page.min_id)
            .push_opt("maxId", page.max_id)
            .push("count", page.count.get())
            .push("order", page.order.as_str());
        let call =
            ApiCall::get(&["issues", &id, "comments"], format!("issue {id}")).with_query(query);
        let wire: Vec<WireComment> = self.fetch(&call).await?;
        Ok(all(wire, WireComment::into_comment)?)
    }

    async fn add_comment(
        &self,
        issue: &IssueRef,
        comment: &NewComment,
    ) -> Result<Comment, BacklogError> {
        let id = issue.to_string();
        let call = ApiCall::post(
            &["issues", &id, "comments"],
            new_comment_form(comment),
            format!("issue {id}"),
        );
        let wire: WireComment = self.fetch(&call).await?;
        Ok(wire.into_comment()?)
    }

    async fn update_comment(
        &self,
        issue: &IssueRef,
        comment: CommentId,
        content: &str,
    ) -> Result<Comment, BacklogError> {
        let id = issue.to_string();
        let comment = comment.to_string();
        let mut form = Params::new();
        form.push("content", content);
        let call = ApiCall::patch(
            &["issues", &id, "comments", &comment],
            form,
            format!("comment {comment} of issue {id}"),
        );
        let wire: WireComment = self.fetch(&call).await?;
        Ok(wire.into_comment()?)
    }
}
