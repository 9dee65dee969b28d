use super::client::{ApiCall, HttpBacklog};
use super::params::Params;
use super::wire::{WireProject, WireStatus};
use crate::domain::backlog_error::BacklogError;
use crate::domain::project::{Project, ProjectListQuery, Status};
use crate::ports::{ProjectRef, ProjectRepository};
use async_trait::async_trait;

#[async_trait]
impl ProjectRepository for HttpBacklog {
    async fn projects(&self, query: &ProjectListQuery) -> Result<Vec<Project>, BacklogError> {
        let mut params = Params::new();
        params.push_opt("archived", query.archived);
        if query.all {
            params.push("all", true);
        }
        let call = ApiCall::get(&["projects"], "projects").with_query(params);
        let wire: Vec<WireProject> = self.fetch(&call).await?;
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
