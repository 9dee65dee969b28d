//! Issues and their comments.

use crate::domain::backlog_error::BacklogError;
use crate::domain::comment::Comment;
use crate::domain::ids::{CommentId, IssueId};
use crate::domain::issue::Issue;
use crate::domain::issue_filter::{IssueFilter, IssueQuery, PageSize, SortOrder};
use crate::domain::keys::IssueKey;
use async_trait::async_trait;
use std::fmt;

/// An issue named by its numeric id or by its key; Backlog accepts either.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum IssueRef {
    Id(IssueId),
    Key(IssueKey),
}

impl fmt::Display for IssueRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Id(id) => id.fmt(f),
            Self::Key(key) => key.fmt(f),
        }
    }
}

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

/// Access to a space's issues.
///
/// Error contract, for every method: an issue or project that does not exist (or
/// that the user cannot see) MUST be reported as [`BacklogError::NotFound`]; a
/// refused API key as [`BacklogError::AuthenticationFailed`]; parameter values
/// Backlog rejects as [`BacklogError::Rejected`] with status 400.
#[cfg_attr(test, mockall::automock)]
#[async_trait]
pub trait IssueRepository: Send + Sync {
    /// One issue, with everything it carries.
    async fn issue(&self, issue: &IssueRef) -> Result<Issue, BacklogError>;

    /// One page of the issues matching `query.filter`, in the query's sort order,
    /// starting at `query.offset`, at most `query.count` of them. A page past the
    /// end is empty, not an error.
    async fn issues(&self, query: &IssueQuery) -> Result<Vec<Issue>, BacklogError>;

    /// How many issues match the filter: the same filter semantics as [`Self::issues`].
    async fn count_issues(&self, filter: &IssueFilter) -> Result<u64, BacklogError>;

    /// A window of the issue's comments, change-log-only ones included.
    async fn comments(
        &self,
        issue: &IssueRef,
        page: CommentPage,
    ) -> Result<Vec<Comment>, BacklogError>;
}
