//! Versions and milestones of the allowed projects only.

use super::forwarding::project_checked;
use crate::domain::changes::{NewVersion, VersionUpdate};
use crate::domain::ids::VersionId;
use crate::domain::project::Version;
use crate::ports::VersionRepository;

project_checked!(VersionRepository via versions {
    async fn versions(project) -> Vec<Version>;
    async fn add_version(project, version: &NewVersion) -> Version;
    async fn update_version(project, version: VersionId, update: &VersionUpdate) -> Version;
    async fn delete_version(project, version: VersionId) -> Version;
});
