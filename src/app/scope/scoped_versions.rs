//! Versions and milestones of the allowed projects only.

use super::ScopedBacklog;
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{NewVersion, VersionUpdate};
use crate::domain::ids::VersionId;
use crate::domain::project::Version;
use crate::ports::{ProjectRef, VersionRepository};
use async_trait::async_trait;

#[async_trait]
impl VersionRepository for ScopedBacklog {
    async fn versions(&self, project: &ProjectRef) -> Result<Vec<Version>, BacklogError> {
        let project = self.allowed_ref(project).await?;
        self.inner.versions.versions(&project).await
    }

    async fn add_version(
        &self,
        project: &ProjectRef,
        version: &NewVersion,
    ) -> Result<Version, BacklogError> {
        let project = self.allowed_ref(project).await?;
        self.inner.versions.add_version(&project, version).await
    }

    async fn update_version(
        &self,
        project: &ProjectRef,
        version: VersionId,
        update: &VersionUpdate,
    ) -> Result<Version, BacklogError> {
        let project = self.allowed_ref(project).await?;
        self.inner
            .versions
            .update_version(&project, version, update)
            .await
    }

    async fn delete_version(
        &self,
        project: &ProjectRef,
        version: VersionId,
    ) -> Result<Version, BacklogError> {
        let project = self.allowed_ref(project).await?;
        self.inner.versions.delete_version(&project, version).await
    }
}
