//! Projects and their members.

use super::errors::not_found;
use super::served_by_space::served_by_space;
use super::space::{ProjectRecord, Space};
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{NewProject, ProjectUpdate};
use crate::domain::project::{Project, ProjectListQuery};
use crate::domain::user::User;
use crate::ports::{ProjectRef, ProjectRepository};

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

    pub(super) fn projects(&self, query: &ProjectListQuery) -> Result<Vec<Project>, BacklogError> {
        Ok(self
            .projects
            .iter()
            .map(|p| p.project.clone())
            .filter(|p| query.archived.is_none_or(|archived| p.archived == archived))
            .collect())
    }

    pub(super) fn project(&self, project: &ProjectRef) -> Result<Project, BacklogError> {
        Ok(self.find_project(project)?.project.clone())
    }

    pub(super) fn project_users(&self, project: &ProjectRef) -> Result<Vec<User>, BacklogError> {
        let record = self.find_project(project)?;
        Ok(record
            .members
            .iter()
            .filter_map(|id| self.user(*id).cloned())
            .collect())
    }
}

served_by_space!(ProjectRepository {
    read projects(query: &ProjectListQuery) -> Vec<Project>;
    read project(project: &ProjectRef) -> Project;
    write add_project(project: &NewProject) -> Project;
    write update_project(project: &ProjectRef, update: &ProjectUpdate) -> Project;
    read project_users(project: &ProjectRef) -> Vec<User>;
});
