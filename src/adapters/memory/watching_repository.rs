use super::MemoryBacklog;
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::{UserId, WatchingId};
use crate::domain::watching::{Watching, WatchingCountQuery, WatchingQuery};
use crate::ports::{IssueRef, WatchingRepository};
use async_trait::async_trait;

#[async_trait]
impl WatchingRepository for MemoryBacklog {
    async fn watchings(
        &self,
        user: UserId,
        query: &WatchingQuery,
    ) -> Result<Vec<Watching>, BacklogError> {
        self.read().watch_list(user, query)
    }

    async fn watching_count(
        &self,
        user: UserId,
        query: &WatchingCountQuery,
    ) -> Result<u64, BacklogError> {
        self.read().watch_count(user, query)
    }

    async fn watching(&self, id: WatchingId) -> Result<Watching, BacklogError> {
        self.read().watching(id)
    }

    async fn add_watching(&self, issue: &IssueRef, note: &str) -> Result<Watching, BacklogError> {
        self.write().add_watching(issue, note)
    }

    async fn update_watching(&self, id: WatchingId, note: &str) -> Result<Watching, BacklogError> {
        self.write().update_watching(id, note)
    }

    async fn delete_watching(&self, id: WatchingId) -> Result<Watching, BacklogError> {
        self.write().delete_watching(id)
    }

    async fn mark_watching_as_read(&self, id: WatchingId) -> Result<(), BacklogError> {
        self.write().mark_watching_read(id)
    }
}
