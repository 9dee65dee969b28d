//! A project's vocabulary: statuses, issue types, categories and custom fields,
//! listed in display order.

use super::MemoryBacklog;
use crate::domain::backlog_error::BacklogError;
use crate::domain::custom_field::CustomFieldDefinition;
use crate::domain::project::{Category, IssueType, Status};
use crate::ports::{
    CategoryRepository, CustomFieldRepository, IssueTypeRepository, ProjectRef, StatusRepository,
};
use async_trait::async_trait;

#[async_trait]
impl StatusRepository for MemoryBacklog {
    async fn statuses(&self, project: &ProjectRef) -> Result<Vec<Status>, BacklogError> {
        let space = self.read();
        let mut statuses = space.find_project(project)?.statuses.clone();
        statuses.sort_by_key(|s| s.display_order);
        Ok(statuses)
    }
}

#[async_trait]
impl IssueTypeRepository for MemoryBacklog {
    async fn issue_types(&self, project: &ProjectRef) -> Result<Vec<IssueType>, BacklogError> {
        let space = self.read();
        let mut types = space.find_project(project)?.issue_types.clone();
        types.sort_by_key(|t| (t.display_order, t.id));
        Ok(types)
    }
}

#[async_trait]
impl CategoryRepository for MemoryBacklog {
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
}

#[async_trait]
impl CustomFieldRepository for MemoryBacklog {
    async fn custom_fields(
        &self,
        project: &ProjectRef,
    ) -> Result<Vec<CustomFieldDefinition>, BacklogError> {
        Ok(self.read().find_project(project)?.custom_fields.clone())
    }
}
