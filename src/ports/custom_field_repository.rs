//! A project's custom field definitions.

use super::ProjectRef;
use super::addressed_port::addressed_port;
use crate::domain::backlog_error::BacklogError;
use crate::domain::custom_field::CustomFieldDefinition;
use async_trait::async_trait;

addressed_port! {
    /// Access to the custom fields a project defines for its issues.
    ///
    /// Error contract: an unknown project MUST be [`BacklogError::NotFound`].
    #[cfg_attr(test, mockall::automock)]
    #[async_trait]
    pub trait CustomFieldRepository: Send + Sync {
        /// The project's custom field definitions, of every kind this server knows.
        async fn custom_fields(
            &self,
            project: &ProjectRef,
        ) -> Result<Vec<CustomFieldDefinition>, BacklogError>;
    }
}
