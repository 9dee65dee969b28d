//! Issues' comments.

use super::IssueRef;
use super::addressed_port::addressed_port;
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::NewComment;
use crate::domain::comment::Comment;
use crate::domain::ids::CommentId;
use crate::domain::issue_filter::{PageSize, SortOrder};
use async_trait::async_trait;

/// A window of an issue's comments, addressed by comment id like Backlog does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommentPage {
    /// Only comments with a larger id.
    pub min_id: Option<CommentId>,
    /// Only comments with a smaller id.
    pub max_id: Option<CommentId>,
    pub count: PageSize,
    pub order: SortOrder,
}

addressed_port! {
    /// Access to the comments on an issue.
    ///
    /// Error contract: an issue that does not exist (or that the user cannot see)
    /// MUST be [`BacklogError::NotFound`], and so MUST a comment id that is not one
    /// of the addressed issue's comments (a comment of another issue, in this
    /// project or another one): the allow-list checks only the issue named first.
    /// A comment that is not the user's to edit is [`BacklogError::Rejected`] with
    /// status 403, an empty text with status 400.
    #[cfg_attr(test, mockall::automock)]
    #[async_trait]
    pub trait CommentRepository: Send + Sync {
        /// A window of the issue's comments, change-log-only ones included.
        async fn comments(
            &self,
            issue: &IssueRef,
            page: CommentPage,
        ) -> Result<Vec<Comment>, BacklogError>;

        async fn add_comment(
            &self,
            issue: &IssueRef,
            comment: &NewComment,
        ) -> Result<Comment, BacklogError>;

        /// Changes a comment's text (only its author may).
        async fn update_comment(
            &self,
            issue: &IssueRef,
            comment: CommentId,
            content: &str,
        ) -> Result<Comment, BacklogError>;
    }
}
