use super::MemoryBacklog;
use super::activity_log::ActivitySource;
use super::errors::not_found;
use crate::domain::activity::{Activity, ActivityQuery};
use crate::domain::backlog_error::BacklogError;
use crate::domain::calendar_date::{CalendarDate, DateRange};
use crate::domain::ids::UserId;
use crate::domain::user::User;
use crate::ports::UserRepository;
use async_trait::async_trait;

#[async_trait]
impl UserRepository for MemoryBacklog {
    async fn myself(&self) -> Result<User, BacklogError> {
        self.read().myself_user().cloned()
    }

    async fn users(&self) -> Result<Vec<User>, BacklogError> {
        let mut users = self.read().users.clone();
        users.sort_by_key(|u| u.id);
        Ok(users)
    }

    async fn user_activities(
        &self,
        user: UserId,
        query: &ActivityQuery,
    ) -> Result<Vec<Activity>, BacklogError> {
        let space = self.read();
        space
            .user(user)
            .ok_or_else(|| not_found(format!("user {user}"), "No user."))?;
        Ok(space.activity_page(query, ActivitySource::User(user)))
    }

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
