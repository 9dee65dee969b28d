//! A project's statuses, issue types, categories and custom fields, for the
//! allowed projects only.

use super::forwarding::project_checked;
use crate::domain::custom_field::CustomFieldDefinition;
use crate::domain::project::{Category, IssueType, Status};
use crate::ports::{
    CategoryRepository, CustomFieldRepository, IssueTypeRepository, StatusRepository,
};

project_checked!(StatusRepository via statuses {
    async fn statuses(project) -> Vec<Status>;
});

project_checked!(IssueTypeRepository via issue_types {
    async fn issue_types(project) -> Vec<IssueType>;
});

project_checked!(CategoryRepository via categories {
    async fn categories(project) -> Vec<Category>;
    async fn add_category(project, name: &str) -> Category;
});

project_checked!(CustomFieldRepository via custom_fields {
    async fn custom_fields(project) -> Vec<CustomFieldDefinition>;
});
