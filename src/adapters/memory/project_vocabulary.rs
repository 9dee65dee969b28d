//! A project's vocabulary: statuses, issue types, categories and custom fields,
//! listed in display order.

use super::served_by_space::served_by_space;
use super::space::Space;
use crate::domain::backlog_error::BacklogError;
use crate::domain::custom_field::CustomFieldDefinition;
use crate::domain::project::{Category, IssueType, Status};
use crate::ports::{
    CategoryRepository, CustomFieldRepository, IssueTypeRepository, ProjectRef, StatusRepository,
};

impl Space {
    pub(super) fn statuses(&self, project: &ProjectRef) -> Result<Vec<Status>, BacklogError> {
        let mut statuses = self.find_project(project)?.statuses.clone();
        statuses.sort_by_key(|s| s.display_order);
        Ok(statuses)
    }

    pub(super) fn issue_types(&self, project: &ProjectRef) -> Result<Vec<IssueType>, BacklogError> {
        let mut types = self.find_project(project)?.issue_types.clone();
        types.sort_by_key(|t| (t.display_order, t.id));
        Ok(types)
    }

    pub(super) fn categories(&self, project: &ProjectRef) -> Result<Vec<Category>, BacklogError> {
        let mut categories = self.find_project(project)?.categories.clone();
        categories.sort_by_key(|c| (c.display_order, c.id));
        Ok(categories)
    }

    pub(super) fn custom_fields(
        &self,
        project: &ProjectRef,
    ) -> Result<Vec<CustomFieldDefinition>, BacklogError> {
        Ok(self.find_project(project)?.custom_fields.clone())
    }
}

served_by_space!(StatusRepository {
    read statuses(project: &ProjectRef) -> Vec<Status>;
});

served_by_space!(IssueTypeRepository {
    read issue_types(project: &ProjectRef) -> Vec<IssueType>;
});

served_by_space!(CategoryRepository {
    read categories(project: &ProjectRef) -> Vec<Category>;
    write add_category(project: &ProjectRef, name: &str) -> Category;
});

served_by_space!(CustomFieldRepository {
    read custom_fields(project: &ProjectRef) -> Vec<CustomFieldDefinition>;
});
