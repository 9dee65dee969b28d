//! A project's versions and milestones (one Backlog object).

use super::ProjectRef;
use super::addressed_port::addressed_port;
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{NewVersion, VersionUpdate};
use crate::domain::ids::VersionId;
use crate::domain::project::Version;
use async_trait::async_trait;

addressed_port! {
    /// Access to a project's versions and milestones.
    ///
    /// Error contract: an unknown project or version MUST be
    /// [`BacklogError::NotFound`], and so MUST a version of another project (the
    /// allow-list checks only the project named first); a name the project
    /// already has is [`BacklogError::Rejected`] with status 400.
    #[cfg_attr(test, mockall::automock)]
    #[async_trait]
    pub trait VersionRepository: Send + Sync {
        /// Versions and milestones, archived ones included.
        async fn versions(&self, project: &ProjectRef) -> Result<Vec<Version>, BacklogError>;

        async fn add_version(
            &self,
            project: &ProjectRef,
            version: &NewVersion,
        ) -> Result<Version, BacklogError>;

        async fn update_version(
            &self,
            project: &ProjectRef,
            version: VersionId,
            update: &VersionUpdate,
        ) -> Result<Version, BacklogError>;

        /// Deletes the version (and removes it from its issues); returns it as it was.
        async fn delete_version(
            &self,
            project: &ProjectRef,
            version: VersionId,
        ) -> Result<Version, BacklogError>;
    }
}
