//! Issues and the links between them.

use super::IdOrKey;
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{IssueUpdate, NewIssue};
use crate::domain::ids::IssueId;
use crate::domain::issue::Issue;
use crate::domain::issue_filter::{IssueFilter, IssueQuery};
use crate::domain::keys::IssueKey;
use async_trait::async_trait;

/// An issue named by its numeric id or by its key.
pub type IssueRef = IdOrKey<IssueId, IssueKey>;

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

    /// Creates an issue (Backlog answers 201) in the project's first status.
    async fn add_issue(&self, issue: &NewIssue) -> Result<Issue, BacklogError>;

    /// Applies the changes and returns the issue as it is afterwards. Backlog
    /// records a comment with the change log (and `update.comment` as its text).
    async fn update_issue(
        &self,
        issue: &IssueRef,
        update: &IssueUpdate,
    ) -> Result<Issue, BacklogError>;

    /// Deletes the issue and returns it as it was.
    async fn delete_issue(&self, issue: &IssueRef) -> Result<Issue, BacklogError>;

    /// Issues linked to this one as related.
    async fn related_issues(&self, issue: &IssueRef) -> Result<Vec<Issue>, BacklogError>;

    /// Links `target` as related; returns the linked issue.
    async fn add_related_issue(
        &self,
        issue: &IssueRef,
        target: IssueId,
    ) -> Result<Issue, BacklogError>;

    /// Removes the link; returns the formerly related issue.
    async fn remove_related_issue(
        &self,
        issue: &IssueRef,
        related: IssueId,
    ) -> Result<Issue, BacklogError>;
}
