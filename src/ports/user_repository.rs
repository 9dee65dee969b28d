//! Users of the space.

use crate::domain::backlog_error::BacklogError;
use crate::domain::user::User;
use async_trait::async_trait;

/// Access to the space's users.
///
/// Error contract: a refused API key MUST be [`BacklogError::AuthenticationFailed`];
/// an unknown user id MUST be [`BacklogError::NotFound`].
#[cfg_attr(test, mockall::automock)]
#[async_trait]
pub trait UserRepository: Send + Sync {
    /// The user the API key belongs to.
    async fn myself(&self) -> Result<User, BacklogError>;

    /// Every user of the space.
    async fn users(&self) -> Result<Vec<User>, BacklogError>;
}
