//! Projects and their members.

use super::IdOrKey;
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{NewProject, ProjectUpdate};
use crate::domain::ids::ProjectId;
use crate::domain::keys::ProjectKey;
use crate::domain::project::{Project, ProjectListQuery};
use crate::domain::user::User;
use async_trait::async_trait;

/// A project named by its numeric id or by its key.
pub type ProjectRef = IdOrKey<ProjectId, ProjectKey>;

impl From<&Project> for ProjectRef {
    /// A project already found is named by its id.
    fn from(project: &Project) -> Self {
        Self::Id(project.id)
    }
}

/// Access to a space's projects.
///
/// Error contract: an unknown project MUST be [`BacklogError::NotFound`]; values
/// Backlog refuses (a duplicate key, a name too long) are [`BacklogError::Rejected`]
/// with status 400.
#[cfg_attr(test, mockall::automock)]
#[async_trait]
pub trait ProjectRepository: Send + Sync {
    /// The projects the user has joined (all of them with `query.all`, for administrators).
    async fn projects(&self, query: &ProjectListQuery) -> Result<Vec<Project>, BacklogError>;

    async fn project(&self, project: &ProjectRef) -> Result<Project, BacklogError>;

    async fn add_project(&self, project: &NewProject) -> Result<Project, BacklogError>;

    async fn update_project(
        &self,
        project: &ProjectRef,
        update: &ProjectUpdate,
    ) -> Result<Project, BacklogError>;

    /// The project's members.
    async fn project_users(&self, project: &ProjectRef) -> Result<Vec<User>, BacklogError>;
}
