use super::space::{ProjectRecord, Space};
use super::{MemoryBacklog, not_found};
use crate::domain::backlog_error::BacklogError;
use crate::domain::project::{Project, ProjectListQuery, Status};
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

    async fn statuses(&self, project: &ProjectRef) -> Result<Vec<Status>, BacklogError> {
        let space = self.read();
        let mut statuses = space.find_project(project)?.statuses.clone();
        statuses.sort_by_key(|s| s.display_order);
        Ok(statuses)
    }
}
