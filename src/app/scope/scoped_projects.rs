//! Projects and their settings inside the allowed projects. No project is
//! created while the allow-list is set: it would be outside it.

use super::ScopedBacklog;
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{NewProject, NewVersion, ProjectUpdate, VersionUpdate};
use crate::domain::custom_field::CustomFieldDefinition;
use crate::domain::ids::VersionId;
use crate::domain::project::{Category, IssueType, Project, ProjectListQuery, Status, Version};
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
        let id = self.allowed_project(project).await?;
        self.inner.projects.project(&ProjectRef::Id(id)).await
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
        let id = self.allowed_project(project).await?;
        let updated = self
            .inner
            .projects
            .update_project(&ProjectRef::Id(id), update)
            .await?;
        self.renamed(&updated).await;
        Ok(updated)
    }

    async fn project_users(&self, project: &ProjectRef) -> Result<Vec<User>, BacklogError> {
        let id = self.allowed_project(project).await?;
        self.inner.projects.project_users(&ProjectRef::Id(id)).await
    }

    async fn statuses(&self, project: &ProjectRef) -> Result<Vec<Status>, BacklogError> {
        let id = self.allowed_project(project).await?;
        self.inner.projects.statuses(&ProjectRef::Id(id)).await
    }

    async fn issue_types(&self, project: &ProjectRef) -> Result<Vec<IssueType>, BacklogError> {
        let id = self.allowed_project(project).await?;
        self.inner.projects.issue_types(&ProjectRef::Id(id)).await
    }

    async fn categories(&self, project: &ProjectRef) -> Result<Vec<Category>, BacklogError> {
        let id = self.allowed_project(project).await?;
        self.inner.projects.categories(&ProjectRef::Id(id)).await
    }

    async fn add_category(
        &self,
        project: &ProjectRef,
        name: &str,
    ) -> Result<Category, BacklogError> {
        let id = self.allowed_project(project).await?;
        self.inner
            .projects
            .add_category(&ProjectRef::Id(id), name)
            .await
    }

    async fn custom_fields(
        &self,
        project: &ProjectRef,
    ) -> Result<Vec<CustomFieldDefinition>, BacklogError> {
        let id = self.allowed_project(project).await?;
        self.inner.projects.custom_fields(&ProjectRef::Id(id)).await
    }

    async fn versions(&self, project: &ProjectRef) -> Result<Vec<Version>, BacklogError> {
        let id = self.allowed_project(project).await?;
        self.inner.projects.versions(&ProjectRef::Id(id)).await
    }

    async fn add_version(
        &self,
        project: &ProjectRef,
        version: &NewVersion,
    ) -> Result<Version, BacklogError> {
        let id = self.allowed_project(project).await?;
        self.inner
            .projects
            .add_version(&ProjectRef::Id(id), version)
            .await
    }

    async fn update_version(
        &self,
        project: &ProjectRef,
        version: VersionId,
        update: &VersionUpdate,
    ) -> Result<Version, BacklogError> {
        let id = self.allowed_project(project).await?;
        self.inner
            .projects
            .update_version(&ProjectRef::Id(id), version, update)
            .await
    }

    async fn delete_version(
        &self,
        project: &ProjectRef,
        version: VersionId,
    ) -> Result<Version, BacklogError> {
        let id = self.allowed_project(project).await?;
        self.inner
            .projects
            .delete_version(&ProjectRef::Id(id), version)
            .await
    }
}
