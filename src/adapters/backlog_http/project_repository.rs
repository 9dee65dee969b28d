use super::client::{ApiCall, HttpBacklog};
use super::wire::{WireProject, WireStatus};
use crate::domain::backlog_error::BacklogError;
use crate::domain::project::{Project, Status};
use crate::ports::{ProjectRef, ProjectRepository};
use async_trait::async_trait;

#[async_trait]
impl ProjectRepository for HttpBacklog {
    async fn projects(&self) -> Result<Vec<Project>, BacklogError> {
        let wire: Vec<WireProject> = self.fetch(&ApiCall::get(&["projects"], "projects")).await?;
        Ok(wire
            .into_iter()
            .map(WireProject::into_project)
            .collect::<Result<_, _>>()?)
    }

    async fn project(&self, project: &ProjectRef) -> Result<Project, BacklogError> {
        let id = project.to_string();
        let call = ApiCall::get(&["projects", &id], format!("project {id}"));
        let wire: WireProject = self.fetch(&call).await?;
        Ok(wire.into_project()?)
    }

    async fn statuses(&self, project: &ProjectRef) -> Result<Vec<Status>, BacklogError> {
        let id = project.to_string();
        let call = ApiCall::get(&["projects", &id, "statuses"], format!("project {id}"));
        let wire: Vec<WireStatus> = self.fetch(&call).await?;
        Ok(wire
            .into_iter()
            .map(WireStatus::into_status)
            .collect::<Result<_, _>>()?)
    }
}
