//! A project's statuses, issue types, categories and custom fields, for the
//! allowed projects only.

use super::ScopedBacklog;
use crate::domain::backlog_error::BacklogError;
use crate::domain::custom_field::CustomFieldDefinition;
use crate::domain::project::{Category, IssueType, Status};
use crate::ports::{
    CategoryRepository, CustomFieldRepository, IssueTypeRepository, ProjectRef, StatusRepository,
};
use async_trait::async_trait;

#[async_trait]
impl StatusRepository for ScopedBacklog {
    async fn statuses(&self, project: &ProjectRef) -> Result<Vec<Status>, BacklogError> {
        let project = self.allowed_ref(project).await?;
        self.inner.statuses.statuses(&project).await
    }
}

#[async_trait]
impl IssueTypeRepository for ScopedBacklog {
    async fn issue_types(&self, project: &ProjectRef) -> Result<Vec<IssueType>, BacklogError> {
        let project = self.allowed_ref(project).await?;
        self.inner.issue_types.issue_types(&project).await
    }
}

#[async_trait]
impl CategoryRepository for ScopedBacklog {
    async fn categories(&self, project: &ProjectRef) -> Result<Vec<Category>, BacklogError> {
        let project = self.allowed_ref(project).await?;
        self.inner.categories.categories(&project).await
    }

    async fn add_category(
        &self,
        project: &ProjectRef,
        name: &str,
    ) -> Result<Category, BacklogError> {
        let project = self.allowed_ref(project).await?;
        self.inner.categories.add_category(&project, name).await
    }
}

#[async_trait]
impl CustomFieldRepository for ScopedBacklog {
    async fn custom_fields(
        &self,
        project: &ProjectRef,
    ) -> Result<Vec<CustomFieldDefinition>, BacklogError> {
        let project = self.allowed_ref(project).await?;
        self.inner.custom_fields.custom_fields(&project).await
    }
}
