//! Watch lists.

use super::issue_repository::IssueRef;
use super::unsupported::unsupported;
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
        _user: UserId,
        _query: &WatchingQuery,
    ) -> Result<Vec<Watching>, BacklogError> {
        unsupported("list watchings")
    }

    async fn watching_count(
        &self,
        _user: UserId,
        _query: &WatchingCountQuery,
    ) -> Result<u64, BacklogError> {
        unsupported("count watchings")
    }

    async fn watching(&self, _id: WatchingId) -> Result<Watching, BacklogError> {
        unsupported("read a watching")
    }

    /// Starts watching an issue as the API key's user.
    async fn add_watching(&self, _issue: &IssueRef, _note: &str) -> Result<Watching, BacklogError> {
        unsupported("add a watching")
    }

    async fn update_watching(
        &self,
        _id: WatchingId,
        _note: &str,
    ) -> Result<Watching, BacklogError> {
        unsupported("update a watching")
    }

    async fn delete_watching(&self, _id: WatchingId) -> Result<Watching, BacklogError> {
        unsupported("delete a watching")
    }

    /// Marks the watched issue's latest change as seen (Backlog answers 204).
    async fn mark_watching_as_read(&self, _id: WatchingId) -> Result<(), BacklogError> {
        unsupported("mark a watching as read")
    }
}
