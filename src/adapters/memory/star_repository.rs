//! Stars a user received.

use super::MemoryBacklog;
use super::errors::not_found;
use crate::domain::backlog_error::BacklogError;
use crate::domain::calendar_date::{CalendarDate, DateRange};
use crate::domain::ids::UserId;
use crate::ports::StarRepository;
use async_trait::async_trait;

#[async_trait]
impl StarRepository for MemoryBacklog {
    /// Stars received on the days of the range (inclusive, days in UTC).
    async fn received_star_count(
        &self,
        user: UserId,
        range: &DateRange,
    ) -> Result<u64, BacklogError> {
        let space = self.read();
        space
            .user(user)
            .ok_or_else(|| not_found(format!("user {user}"), "No user."))?;
        let count = space
            .stars
            .iter()
            .filter(|s| s.receiver == user)
            .filter(|s| range.contains(CalendarDate::from_naive(s.created.date_naive())))
            .count();
        Ok(u64::try_from(count).unwrap_or(u64::MAX))
    }
}
