//! Users are the space's, not a project's, and pass through; a user's
//! activities are narrowed to the allowed projects. Backlog cannot filter them
//! by project, so full pages are read and filtered until the page is filled.

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
