//! Projects and their members inside the allowed projects. No project is
//! created while the allow-list is set: it would be outside it.

use super::ScopedBacklog;
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{NewProject, ProjectUpdate};
use crate::domain::project::{Project, ProjectListQuery};
use crate::domain::user::User;
use crate::ports::{ProjectRef, ProjectRepository};
use async_trait::async_trait;

#[async_trait]
impl ProjectRepository for ScopedBacklog {
    /// Only the allowed ones.
    async fn projects(&self, query: &ProjectListQuery) -> Result<Vec<Project>, BacklogError> {
        let allowed = self.allowed().await?;
        let projects = self.inner.projects.projects(query).await?;
        Ok(projects
            .into_iter()
            .filter(|p| allowed.contains(&p.id))
            .collect())
    }

    async fn project(&self, project: &ProjectRef) -> Result<Project, BacklogError> {
        let project = self.allowed_ref(project).await?;
        self.inner.projects.project(&project).await
    }

    async fn add_project(&self, _project: &NewProject) -> Result<Project, BacklogError> {
        Err(BacklogError::Refused {
            reason: "this server may only touch the projects in BACKLOG_ALLOWED_PROJECTS, so it does not create projects; nothing was changed".to_owned(),
        })
    }

    async fn update_project(
        &self,
        project: &ProjectRef,
        update: &ProjectUpdate,
    ) -> Result<Project, BacklogError> {
        let project = self.allowed_ref(project).await?;
        let updated = self.inner.projects.update_project(&project, update).await?;
        self.renamed(&updated).await;
        Ok(updated)
    }

    async fn project_users(&self, project: &ProjectRef) -> Result<Vec<User>, BacklogError> {
        let project = self.allowed_ref(project).await?;
        self.inner.projects.project_users(&project).await
    }
}
