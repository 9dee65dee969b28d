//! A project's workflow statuses.

use super::ProjectRef;
use super::addressed_port::addressed_port;
use crate::domain::backlog_error::BacklogError;
use crate::domain::project::Status;
use async_trait::async_trait;

addressed_port! {
    /// Access to the statuses issues move through.
    ///
    /// Error contract: an unknown project MUST be [`BacklogError::NotFound`].
    #[cfg_attr(test, mockall::automock)]
    #[async_trait]
    pub trait StatusRepository: Send + Sync {
        /// The project's workflow statuses in display order, custom ones included.
        async fn statuses(&self, project: &ProjectRef) -> Result<Vec<Status>, BacklogError>;
    }
}
