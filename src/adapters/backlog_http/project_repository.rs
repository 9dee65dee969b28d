use super::api_call::ApiCall;
use super::client::HttpBacklog;
use super::params::Params;
use super::project_form::{
    new_project_form, new_version_form, project_update_form, version_update_form,
};
use super::wire::{
    WireCategory, WireCustomField, WireIssueType, WireProject, WireResult, WireStatus, WireUser,
    WireVersion, all,
};
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{NewProject, NewVersion, ProjectUpdate, VersionUpdate};
use crate::domain::custom_field::CustomFieldDefinition;
use crate::domain::ids::VersionId;
use crate::domain::project::{Category, IssueType, Project, ProjectListQuery, Status, Version};
use crate::domain::user::User;
use crate::ports::{ProjectRef, ProjectRepository};
use async_trait::async_trait;
use serde::de::DeserializeOwned;

impl HttpBacklog {
    /// `GET /projects/:projectIdOrKey/<list>`: one of a project's lists,
    /// every item decoded.
    async fn project_list<W: DeserializeOwned, T>(
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

    async fn statuses(&self, project: &ProjectRef) -> Result<Vec<Status>, BacklogError> {
        self.project_list(project, "statuses", WireStatus::into_status)
            .await
    }

    async fn issue_types(&self, project: &ProjectRef) -> Result<Vec<IssueType>, BacklogError> {
        self.project_list(project, "issueTypes", WireIssueType::into_issue_type)
            .await
    }

    async fn categories(&self, project: &ProjectRef) -> Result<Vec<Category>, BacklogError> {
        self.project_list(project, "categories", WireCategory::into_category)
            .await
    }

    async fn add_category(
        &self,
        project: &ProjectRef,
        name: &str,
    ) -> Result<Category, BacklogError> {
        let id = project.to_string();
        let mut form = Params::new();
        form.push("name", name);
        let call = ApiCall::post(
            &["projects", &id, "categories"],
            form,
            format!("project {id}"),
        );
        let wire: WireCategory = self.fetch(&call).await?;
        Ok(wire.into_category()?)
    }

    async fn custom_fields(
        &self,
        project: &ProjectRef,
    ) -> Result<Vec<CustomFieldDefinition>, BacklogError> {
        let id = project.to_string();
        let call = ApiCall::get(&["projects", &id, "customFields"], format!("project {id}"));
        let wire: Vec<WireCustomField> = self.fetch(&call).await?;
        let known = self
            .with_days(wire, |wire, days| all(wire, |f| f.into_definition(days)))
            .await?;
        Ok(known.into_iter().flatten().collect())
    }

    async fn versions(&self, project: &ProjectRef) -> Result<Vec<Version>, BacklogError> {
        let id = project.to_string();
        let call = ApiCall::get(&["projects", &id, "versions"], format!("project {id}"));
        self.fetch_with_days(&call, |wire: Vec<WireVersion>, days| {
            all(wire, |v| v.into_version(days))
        })
        .await
    }

    async fn add_version(
        &self,
        project: &ProjectRef,
        version: &NewVersion,
    ) -> Result<Version, BacklogError> {
        let id = project.to_string();
        let call = ApiCall::post(
            &["projects", &id, "versions"],
            new_version_form(version),
            format!("project {id}"),
        );
        self.fetch_with_days(&call, WireVersion::into_version).await
    }

    async fn update_version(
        &self,
        project: &ProjectRef,
        version: VersionId,
        update: &VersionUpdate,
    ) -> Result<Version, BacklogError> {
        let id = project.to_string();
        let version = version.to_string();
        let call = ApiCall::patch(
            &["projects", &id, "versions", &version],
            version_update_form(update),
            format!("version {version} of project {id}"),
        );
        self.fetch_with_days(&call, WireVersion::into_version).await
    }

    async fn delete_version(
        &self,
        project: &ProjectRef,
        version: VersionId,
    ) -> Result<Version, BacklogError> {
        let id = project.to_string();
        let version = version.to_string();
        let call = ApiCall::delete(
            &["projects", &id, "versions", &version],
            format!("version {version} of project {id}"),
        );
        self.fetch_with_days(&call, WireVersion::into_version).await
    }
}
