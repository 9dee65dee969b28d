//! Users are the space's, not a project's, and pass through (a user's
//! activities are narrowed in `scoped_activities`).

use super::ScopedBacklog;
use crate::domain::backlog_error::BacklogError;
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
}
