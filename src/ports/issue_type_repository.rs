//! A project's issue types.

use super::ProjectRef;
use super::addressed_port::addressed_port;
use crate::domain::backlog_error::BacklogError;
use crate::domain::project::IssueType;
use async_trait::async_trait;

addressed_port! {
    /// Access to the kinds of issue a project has (Bug, Task…).
    ///
    /// Error contract: an unknown project MUST be [`BacklogError::NotFound`].
    #[cfg_attr(test, mockall::automock)]
    #[async_trait]
    pub trait IssueTypeRepository: Send + Sync {
        /// The project's issue types in display order.
        async fn issue_types(&self, project: &ProjectRef) -> Result<Vec<IssueType>, BacklogError>;
    }
}
