//! A project's versions and milestones: `/projects/:projectIdOrKey/versions`.

use super::api_call::ApiCall;
use super::client::HttpBacklog;
use super::project_form::{new_version_form, version_update_form};
use super::wire::{WireVersion, all};
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{NewVersion, VersionUpdate};
use crate::domain::ids::VersionId;
use crate::domain::project::Version;
use crate::ports::{ProjectRef, VersionRepository};
use async_trait::async_trait;

#[async_trait]
impl VersionRepository for HttpBacklog {
    async fn versions(&self, project: &ProjectRef) -> Result<Vec<Version>, BacklogError> {
        let id = project.to_string();
        let call = ApiCall::get(&["projects", &id, "versions"], format!("project {id}"));
        self.fetch_with_days(&call, |wire: Vec<WireVersion>, days| {
            all(wire, |v| v.into_version(days))
        })
        .await
    }

    async fn add_version(
        &self,
        project: &ProjectRef,
        version: &NewVersion,
    ) -> Result<Version, BacklogError> {
        let id = project.to_string();
        let call = ApiCall::post(
            &["projects", &id, "versions"],
            new_version_form(version),
            format!("project {id}"),
        );
        self.fetch_with_days(&call, WireVersion::into_version).await
    }

    async fn update_version(
        &self,
        project: &ProjectRef,
        version: VersionId,
        update: &VersionUpdate,
    ) -> Result<Version, BacklogError> {
        let id = project.to_string();
        let version = version.to_string();
        let call = ApiCall::patch(
            &["projects", &id, "versions", &version],
            version_update_form(update),
            format!("version {version} of project {id}"),
        );
        self.fetch_with_days(&call, WireVersion::into_version).await
    }

    async fn delete_version(
        &self,
        project: &ProjectRef,
        version: VersionId,
    ) -> Result<Version, BacklogError> {
        let id = project.to_string();
        let version = version.to_string();
        let call = ApiCall::delete(
            &["projects", &id, "versions", &version],
            format!("version {version} of project {id}"),
        );
        self.fetch_with_days(&call, WireVersion::into_version).await
    }
}
