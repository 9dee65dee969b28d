//! A project's versions and milestones (the behaviour is in `version_writes`).

use super::served_by_space::served_by_space;
use crate::domain::changes::{NewVersion, VersionUpdate};
use crate::domain::ids::VersionId;
use crate::domain::project::Version;
use crate::ports::{ProjectRef, VersionRepository};

served_by_space!(VersionRepository {
    read versions(project: &ProjectRef) -> Vec<Version> = versions_of;
    write add_version(project: &ProjectRef, version: &NewVersion) -> Version;
    write update_version(project: &ProjectRef, version: VersionId, update: &VersionUpdate) -> Version;
    write delete_version(project: &ProjectRef, version: VersionId) -> Version;
});
