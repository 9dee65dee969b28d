//! Watch lists.

use super::issue_repository::IssueRef;
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::{UserId, WatchingId};
use crate::domain::watching::{Watching, WatchingCountQuery, WatchingQuery};
use async_trait::async_trait;

/// Access to users' watch lists.
///
/// Error contract: an unknown watching id or user MUST be [`BacklogError::NotFound`].
#[cfg_attr(test, mockall::automock)]
#[async_trait]
pub trait WatchingRepository: Send + Sync {
    async fn watchings(
        &self,
        user: UserId,
        query: &WatchingQuery,
    ) -> Result<Vec<Watching>, BacklogError>;

    async fn watching_count(
        &self,
        user: UserId,
        query: &WatchingCountQuery,
    ) -> Result<u64, BacklogError>;

    async fn watching(&self, id: WatchingId) -> Result<Watching, BacklogError>;

    /// Starts watching an issue as the API key's user.
    async fn add_watching(&self, issue: &IssueRef, note: &str) -> Result<Watching, BacklogError>;

    async fn update_watching(&self, id: WatchingId, note: &str) -> Result<Watching, BacklogError>;

    async fn delete_watching(&self, id: WatchingId) -> Result<Watching, BacklogError>;

    /// Marks the watched issue's latest change as seen (Backlog answers 204).
    async fn mark_watching_as_read(&self, id: WatchingId) -> Result<(), BacklogError>;
}
