use super::api_call::ApiCall;
use super::client::HttpBacklog;
use super::params::Params;
use super::project_form::{
    new_project_form, new_version_form, project_update_form, version_update_form,
};
use super::wire::{
    WireCategory, WireCustomField, WireIssueType, WireProject, WireStatus, WireUser, WireVersion,
    all,
};
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{NewProject, NewVersion, ProjectUpdate, VersionUpdate};
use crate::domain::custom_field::CustomFieldDefinition;
use crate::domain::ids::VersionId;
use crate::domain::project::{Category, IssueType, Project, ProjectListQuery, Status, Version};
use crate::domain::user::User;
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
        let id = project.to_string();
        let call = ApiCall::get(&["projects", &id, "users"], format!("project {id}"));
        let wire: Vec<WireUser> = self.fetch(&call).await?;
        Ok(all(wire, WireUser::into_user)?)
    }

    async fn statuses(&self, project: &ProjectRef) -> Result<Vec<Status>, BacklogError> {
        let id = project.to_string();
        let call = ApiCall::get(&["projects", &id, "statuses"], format!("project {id}"));
        let wire: Vec<WireStatus> = self.fetch(&call).await?;
        Ok(all(wire, WireStatus::into_status)?)
    }

    async fn issue_types(&self, project: &ProjectRef) -> Result<Vec<IssueType>, BacklogError> {
        let id = project.to_string();
        let call = ApiCall::get(&["projects", &id, "issueTypes"], format!("project {id}"));
        let wire: Vec<WireIssueType> = self.fetch(&call).await?;
        Ok(all(wire, WireIssueType::into_issue_type)?)
    }

    async fn categories(&self, project: &ProjectRef) -> Result<Vec<Category>, BacklogError> {
        let id = project.to_string();
        let call = ApiCall::get(&["projects", &id, "categories"], format!("project {id}"));
        let wire: Vec<WireCategory> = self.fetch(&call).await?;
        Ok(all(wire, WireCategory::into_category)?)
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
        let wire: Vec<WireVersion> = self.fetch(&call).await?;
        self.with_days(wire, |wire, days| all(wire, |v| v.into_version(days)))
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
        let wire: WireVersion = self.fetch(&call).await?;
        self.with_days(wire, WireVersion::into_version).await
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
        let wire: WireVersion = self.fetch(&call).await?;
        self.with_days(wire, WireVersion::into_version).await
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
        let wire: WireVersion = self.fetch(&call).await?;
        self.with_days(wire, WireVersion::into_version).await
    }
}
