//! A project's versions and milestones (the behaviour is in `version_writes`).

use super::MemoryBacklog;
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{NewVersion, VersionUpdate};
use crate::domain::ids::VersionId;
use crate::domain::project::Version;
use crate::ports::{ProjectRef, VersionRepository};
use async_trait::async_trait;

#[async_trait]
impl VersionRepository for MemoryBacklog {
    async fn versions(&self, project: &ProjectRef) -> Result<Vec<Version>, BacklogError> {
        self.read().versions_of(project)
    }

    async fn add_version(
        &self,
        project: &ProjectRef,
        version: &NewVersion,
    ) -> Result<Version, BacklogError> {
        self.write().add_version(project, version)
    }

    async fn update_version(
        &self,
        project: &ProjectRef,
        version: VersionId,
        update: &VersionUpdate,
    ) -> Result<Version, BacklogError> {
        self.write().update_version(project, version, update)
    }

    async fn delete_version(
        &self,
        project: &ProjectRef,
        version: VersionId,
    ) -> Result<Version, BacklogError> {
        self.write().delete_version(project, version)
    }
}
