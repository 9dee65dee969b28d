//! Users are the space's, not a project's, and pass through; a user's
//! activities are narrowed to the allowed projects. Backlog cannot filter them
//! by project, so full pages are read and filtered until the page is filled.

use super::ScopedBacklog;
use super::narrowed_lists::fill_activity_page;
use crate::domain::activity::{Activity, ActivityQuery};
use crate::domain::backlog_error::BacklogError;
use crate::domain::calendar_date::DateRange;
use crate::domain::ids::UserId;
use crate::domain::user::User;
use crate::ports::UserRepository;
use async_trait::async_trait;

#[async_trait]
impl UserRepository for ScopedBacklog {
    async fn myself(&self) -> Result<User, BacklogError> {
        self.inner.users.myself().await
    }

    async fn users(&self) -> Result<Vec<User>, BacklogError> {
        self.inner.users.users().await
    }

    async fn user_activities(
        &self,
        user: UserId,
        query: &ActivityQuery,
    ) -> Result<Vec<Activity>, BacklogError> {
        let allowed = self.allowed().await?;
        fill_activity_page(query, &allowed, |page| async move {
            self.inner.users.user_activities(user, &page).await
        })
        .await
    }

    async fn received_star_count(
        &self,
        user: UserId,
        range: &DateRange,
    ) -> Result<u64, BacklogError> {
        self.inner.users.received_star_count(user, range).await
    }
}
