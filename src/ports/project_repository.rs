//! Projects and their per-project vocabulary.

use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::ProjectId;
use crate::domain::keys::ProjectKey;
use crate::domain::project::{Project, Status};
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
/// Error contract: an unknown project MUST be [`BacklogError::NotFound`].
#[cfg_attr(test, mockall::automock)]
#[async_trait]
pub trait ProjectRepository: Send + Sync {
    /// The projects the user has joined, archived ones included.
    async fn projects(&self) -> Result<Vec<Project>, BacklogError>;

    async fn project(&self, project: &ProjectRef) -> Result<Project, BacklogError>;

    /// The project's workflow statuses in display order, custom ones included.
    async fn statuses(&self, project: &ProjectRef) -> Result<Vec<Status>, BacklogError>;
}
