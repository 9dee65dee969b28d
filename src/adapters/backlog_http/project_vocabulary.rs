//! A project's vocabulary: statuses, issue types, categories and custom fields,
//! each read from `GET /projects/:projectIdOrKey/<list>`.

use super::api_call::ApiCall;
use super::client::HttpBacklog;
use super::params::Params;
use super::wire::{WireCategory, WireCustomField, WireIssueType, WireStatus, all};
use crate::domain::backlog_error::BacklogError;
use crate::domain::custom_field::CustomFieldDefinition;
use crate::domain::project::{Category, IssueType, Status};
use crate::ports::{
    CategoryRepository, CustomFieldRepository, IssueTypeRepository, ProjectRef, StatusRepository,
};
use async_trait::async_trait;

#[async_trait]
impl StatusRepository for HttpBacklog {
    async fn statuses(&self, project: &ProjectRef) -> Result<Vec<Status>, BacklogError> {
        self.project_list(project, "statuses", WireStatus::into_status)
            .await
    }
}

#[async_trait]
impl IssueTypeRepository for HttpBacklog {
    async fn issue_types(&self, project: &ProjectRef) -> Result<Vec<IssueType>, BacklogError> {
        self.project_list(project, "issueTypes", WireIssueType::into_issue_type)
            .await
    }
}

#[async_trait]
impl CategoryRepository for HttpBacklog {
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
}

#[async_trait]
impl CustomFieldRepository for HttpBacklog {
    async fn custom_fields(
        &self,
        project: &ProjectRef,
    ) -> Result<Vec<CustomFieldDefinition>, BacklogError> {
        let id = project.to_string();
        let call = ApiCall::get(&["projects", &id, "customFields"], format!("project {id}"));
        let known = self
            .fetch_with_days(&call, |wire: Vec<WireCustomField>, days| {
                all(wire, |f| f.into_definition(days))
            })
            .await?;
        Ok(known.into_iter().flatten().collect())
    }
}
