//! Comments and attachments of the allowed projects' issues only: the issue is
//! checked before the request that would read or change them.

use super::ScopedBacklog;
use crate::domain::attachment_file::AttachmentFile;
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::NewComment;
use crate::domain::comment::Comment;
use crate::domain::ids::{AttachmentId, CommentId};
use crate::ports::{AttachmentRepository, CommentPage, CommentRepository, IssueRef};
use async_trait::async_trait;

#[async_trait]
impl CommentRepository for ScopedBacklog {
    async fn comments(
        &self,
        issue: &IssueRef,
        page: CommentPage,
    ) -> Result<Vec<Comment>, BacklogError> {
        self.allowed_issue(issue).await?;
        self.inner.comments.comments(issue, page).await
    }

    async fn add_comment(
        &self,
        issue: &IssueRef,
        comment: &NewComment,
    ) -> Result<Comment, BacklogError> {
        self.allowed_issue(issue).await?;
        self.inner.comments.add_comment(issue, comment).await
    }

    async fn update_comment(
        &self,
        issue: &IssueRef,
        comment: CommentId,
        content: &str,
    ) -> Result<Comment, BacklogError> {
        self.allowed_issue(issue).await?;
        self.inner
            .comments
            .update_comment(issue, comment, content)
            .await
    }
}

#[async_trait]
impl AttachmentRepository for ScopedBacklog {
    async fn attachment(
        &self,
        issue: &IssueRef,
        attachment: AttachmentId,
        max_bytes: u64,
    ) -> Result<AttachmentFile, BacklogError> {
        self.allowed_issue(issue).await?;
        self.inner
            .attachments
            .attachment(issue, attachment, max_bytes)
            .await
    }
}
