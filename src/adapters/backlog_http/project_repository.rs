//! Projects and their members: `/projects`.

use super::api_call::ApiCall;
use super::client::HttpBacklog;
use super::params::Params;
use super::project_form::{new_project_form, project_update_form};
use super::wire::{WireProject, WireResult, WireUser, all};
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{NewProject, ProjectUpdate};
use crate::domain::project::{Project, ProjectListQuery};
use crate::domain::user::User;
use crate::ports::{ProjectRef, ProjectRepository};
use async_trait::async_trait;
use serde::de::DeserializeOwned;

impl HttpBacklog {
    /// `GET /projects/:projectIdOrKey/<list>`: one of a project's lists,
    /// every item decoded.
    pub(super) async fn project_list<W: DeserializeOwned, T>(
        &self,
        project: &ProjectRef,
        list: &str,
        decode: fn(W) -> WireResult<T>,
    ) -> Result<Vec<T>, BacklogError> {
        let id = project.to_string();
        let call = ApiCall::get(&["projects", &id, list], format!("project {id}"));
        let wire: Vec<W> = self.fetch(&call).await?;
        Ok(all(wire, decode)?)
    }
}

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
        Ok(all(wire, WireProject::into_project)?)
    }

    async fn project(&self, project: &ProjectRef) -> Result<Project, BacklogError> {
        let id = project.to_string();
        let call = ApiCall::get(&["projects", &id], format!("project {id}"));
        let wire: WireProject = self.fetch(&call).await?;
        Ok(wire.into_project()?)
    }

    async fn add_project(&self, project: &NewProject) -> Result<Project, BacklogError> {
        let call = ApiCall::post(&["projects"], new_project_form(project), "projects");
        let wire: WireProject = self.fetch(&call).await?;
        Ok(wire.into_project()?)
    }

    async fn update_project(
        &self,
        project: &ProjectRef,
        update: &ProjectUpdate,
    ) -> Result<Project, BacklogError> {
        let id = project.to_string();
        let call = ApiCall::patch(
            &["projects", &id],
            project_update_form(update),
            format!("project {id}"),
        );
        let wire: WireProject = self.fetch(&call).await?;
        Ok(wire.into_project()?)
    }

    async fn project_users(&self, project: &ProjectRef) -> Result<Vec<User>, BacklogError> {
        self.project_list(project, "users", WireUser::into_user)
            .await
    }
}
