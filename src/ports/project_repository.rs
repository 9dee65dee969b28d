//! Projects and their per-project vocabulary.

use super::unsupported::unsupported;
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{NewProject, NewVersion, ProjectUpdate, VersionUpdate};
use crate::domain::custom_field::CustomFieldDefinition;
use crate::domain::ids::{ProjectId, VersionId};
use crate::domain::keys::ProjectKey;
use crate::domain::project::{Category, IssueType, Project, ProjectListQuery, Status, Version};
use crate::domain::user::User;
use async_trait::async_trait;
use std::fmt;

/// A project named by its numeric id or by its key; Backlog accepts either.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ProjectRef {
    Id(ProjectId),
    Key(ProjectKey),
}

impl fmt::Display for ProjectRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Id(id) => id.fmt(f),
            Self::Key(key) => key.fmt(f),
        }
    }
}

/// Access to a space's projects.
///
/// Error contract: an unknown project (or version) MUST be [`BacklogError::NotFound`];
/// values Backlog refuses (a duplicate key, a name too long) are
/// [`BacklogError::Rejected`] with status 400.
#[cfg_attr(test, mockall::automock)]
#[async_trait]
pub trait ProjectRepository: Send + Sync {
    /// The projects the user has joined (all of them with `query.all`, for administrators).
    async fn projects(&self, query: &ProjectListQuery) -> Result<Vec<Project>, BacklogError>;

    async fn project(&self, project: &ProjectRef) -> Result<Project, BacklogError>;

    async fn add_project(&self, _project: &NewProject) -> Result<Project, BacklogError> {
        unsupported("add a project")
    }

    async fn update_project(
        &self,
        _project: &ProjectRef,
        _update: &ProjectUpdate,
    ) -> Result<Project, BacklogError> {
        unsupported("update a project")
    }

    /// The project's members.
    async fn project_users(&self, _project: &ProjectRef) -> Result<Vec<User>, BacklogError> {
        unsupported("list project members")
    }

    /// The project's workflow statuses in display order, custom ones included.
    async fn statuses(&self, project: &ProjectRef) -> Result<Vec<Status>, BacklogError>;

    async fn issue_types(&self, _project: &ProjectRef) -> Result<Vec<IssueType>, BacklogError> {
        unsupported("list issue types")
    }

    async fn categories(&self, _project: &ProjectRef) -> Result<Vec<Category>, BacklogError> {
        unsupported("list categories")
    }

    async fn add_category(
        &self,
        _project: &ProjectRef,
        _name: &str,
    ) -> Result<Category, BacklogError> {
        unsupported("add a category")
    }

    async fn custom_fields(
        &self,
        _project: &ProjectRef,
    ) -> Result<Vec<CustomFieldDefinition>, BacklogError> {
        unsupported("list custom fields")
    }

    /// Versions and milestones (one Backlog object), archived ones included.
    async fn versions(&self, _project: &ProjectRef) -> Result<Vec<Version>, BacklogError> {
        unsupported("list versions")
    }

    async fn add_version(
        &self,
        _project: &ProjectRef,
        _version: &NewVersion,
    ) -> Result<Version, BacklogError> {
        unsupported("add a version")
    }

    async fn update_version(
        &self,
        _project: &ProjectRef,
        _version: VersionId,
        _update: &VersionUpdate,
    ) -> Result<Version, BacklogError> {
        unsupported("update a version")
    }

    async fn delete_version(
        &self,
        _project: &ProjectRef,
        _version: VersionId,
    ) -> Result<Version, BacklogError> {
        unsupported("delete a version")
    }
}
