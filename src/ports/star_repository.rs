//! Stars: the thanks users give each other's issues, comments and pages.

use crate::domain::backlog_error::BacklogError;
use crate::domain::calendar_date::DateRange;
use crate::domain::ids::UserId;
use async_trait::async_trait;

/// Access to the stars users received.
///
/// Error contract: an unknown user MUST be [`BacklogError::NotFound`].
#[cfg_attr(test, mockall::automock)]
#[async_trait]
pub trait StarRepository: Send + Sync {
    /// How many stars the user received, optionally within a range of days.
    async fn received_star_count(
        &self,
        user: UserId,
        range: &DateRange,
    ) -> Result<u64, BacklogError>;
}
