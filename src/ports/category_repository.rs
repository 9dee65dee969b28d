//! A project's categories.

use super::ProjectRef;
use super::addressed_port::addressed_port;
use crate::domain::backlog_error::BacklogError;
use crate::domain::project::Category;
use async_trait::async_trait;

addressed_port! {
    /// Access to the categories issues are filed under.
    ///
    /// Error contract: an unknown project MUST be [`BacklogError::NotFound`]; a name
    /// the project already has is [`BacklogError::Rejected`] with status 400.
    #[cfg_attr(test, mockall::automock)]
    #[async_trait]
    pub trait CategoryRepository: Send + Sync {
        /// The project's categories in display order.
        async fn categories(&self, project: &ProjectRef) -> Result<Vec<Category>, BacklogError>;

        /// Adds a category, listed last.
        async fn add_category(
            &self,
            project: &ProjectRef,
            name: &str,
        ) -> Result<Category, BacklogError>;
    }
}
