//! Star counts are not project-owned: they pass through.

use super::ScopedBacklog;
use crate::domain::backlog_error::BacklogError;
use crate::domain::calendar_date::DateRange;
use crate::domain::ids::UserId;
use crate::ports::StarRepository;
use async_trait::async_trait;

#[async_trait]
impl StarRepository for ScopedBacklog {
    async fn received_star_count(
        &self,
        user: UserId,
        range: &DateRange,
    ) -> Result<u64, BacklogError> {
        self.inner.stars.received_star_count(user, range).await
    }
}
