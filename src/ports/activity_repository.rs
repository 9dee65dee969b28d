//! Recent updates: the space's, a project's and a user's.

use super::ProjectRef;
use crate::domain::activity::{Activity, ActivityQuery};
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::UserId;
use async_trait::async_trait;

/// Access to the activity streams Backlog keeps.
///
/// Error contract: an unknown project or user MUST be [`BacklogError::NotFound`].
#[cfg_attr(test, mockall::automock)]
#[async_trait]
pub trait ActivityRepository: Send + Sync {
    /// Recent updates across the space, newest first unless the query says otherwise.
    async fn space_activities(&self, query: &ActivityQuery) -> Result<Vec<Activity>, BacklogError>;

    /// Recent updates in one project, paged like [`Self::space_activities`].
    async fn project_activities(
        &self,
        project: &ProjectRef,
        query: &ActivityQuery,
    ) -> Result<Vec<Activity>, BacklogError>;

    /// A user's recent updates, paged like [`Self::space_activities`].
    async fn user_activities(
        &self,
        user: UserId,
        query: &ActivityQuery,
    ) -> Result<Vec<Activity>, BacklogError>;
}
