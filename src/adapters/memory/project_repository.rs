use super::MemoryBacklog;
use super::errors::not_found;
use super::space::{ProjectRecord, Space};
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{NewProject, NewVersion, ProjectUpdate, VersionUpdate};
use crate::domain::custom_field::CustomFieldDefinition;
use crate::domain::ids::VersionId;
use crate::domain::project::{Category, IssueType, Project, ProjectListQuery, Status, Version};
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

    async fn statuses(&self, project: &ProjectRef) -> Result<Vec<Status>, BacklogError> {
        let space = self.read();
        let mut statuses = space.find_project(project)?.statuses.clone();
        statuses.sort_by_key(|s| s.display_order);
        Ok(statuses)
    }

    async fn issue_types(&self, project: &ProjectRef) -> Result<Vec<IssueType>, BacklogError> {
        let space = self.read();
        let mut types = space.find_project(project)?.issue_types.clone();
        types.sort_by_key(|t| (t.display_order, t.id));
        Ok(types)
    }

    async fn categories(&self, project: &ProjectRef) -> Result<Vec<Category>, BacklogError> {
        let space = self.read();
        let mut categories = space.find_project(project)?.categories.clone();
        categories.sort_by_key(|c| (c.display_order, c.id));
        Ok(categories)
    }

    async fn add_category(
        &self,
        project: &ProjectRef,
        name: &str,
    ) -> Result<Category, BacklogError> {
        self.write().add_category(project, name)
    }

    async fn custom_fields(
        &self,
        project: &ProjectRef,
    ) -> Result<Vec<CustomFieldDefinition>, BacklogError> {
        Ok(self.read().find_project(project)?.custom_fields.clone())
    }

    async fn versions(&self, project: &ProjectRef) -> Result<Vec<Version>, BacklogError> {
        self.read().versions_of(project)
    }

    async fn add_version(
        &self,
        project: &ProjectRef,
        version: &NewVersion,
    ) -> Result<Version, BacklogError> {
        self.write().add_version(project, version)
    }

    async fn update_version(
        &self,
        project: &ProjectRef,
        version: VersionId,
        update: &VersionUpdate,
    ) -> Result<Version, BacklogError> {
        self.write().update_version(project, version, update)
    }

    async fn delete_version(
        &self,
        project: &ProjectRef,
        version: VersionId,
    ) -> Result<Version, BacklogError> {
        self.write().delete_version(project, version)
    }
}
