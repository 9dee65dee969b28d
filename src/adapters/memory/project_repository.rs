//! Projects and their members.

use super::MemoryBacklog;
use super::errors::not_found;
use super::space::{ProjectRecord, Space};
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{NewProject, ProjectUpdate};
use crate::domain::project::{Project, ProjectListQuery};
use crate::domain::user::User;
use crate::ports::{ProjectRef, ProjectRepository};
use async_trait::async_trait;

impl Space {
    pub(super) fn find_project(
        &self,
        project: &ProjectRef,
    ) -> Result<&ProjectRecord, BacklogError> {
        self.projects
            .iter()
            .find(|p| match project {
                ProjectRef::Id(id) => p.project.id == *id,
                ProjectRef::Key(key) => p.project.key == *key,
            })
            .ok_or_else(|| not_found(format!("project {project}"), "No project."))
    }
}

#[async_trait]
impl ProjectRepository for MemoryBacklog {
    async fn projects(&self, query: &ProjectListQuery) -> Result<Vec<Project>, BacklogError> {
        Ok(self
            .read()
            .projects
            .iter()
            .map(|p| p.project.clone())
            .filter(|p| query.archived.is_none_or(|archived| p.archived == archived))
            .collect())
    }

    async fn project(&self, project: &ProjectRef) -> Result<Project, BacklogError> {
        Ok(self.read().find_project(project)?.project.clone())
    }

    async fn add_project(&self, project: &NewProject) -> Result<Project, BacklogError> {
        self.write().add_project(project)
    }

    async fn update_project(
        &self,
        project: &ProjectRef,
        update: &ProjectUpdate,
    ) -> Result<Project, BacklogError> {
        self.write().update_project(project, update)
    }

    async fn project_users(&self, project: &ProjectRef) -> Result<Vec<User>, BacklogError> {
        let space = self.read();
        let record = space.find_project(project)?;
        Ok(record
            .members
            .iter()
            .filter_map(|id| space.user(*id).cloned())
            .collect())
    }
}
