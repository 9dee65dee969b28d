//! Creating and changing projects and their categories. A project key is unique
//! in the space; a new project starts with Backlog's default statuses and issue
//! types, with the API key's user as its member. Changing a key renames the
//! project's issue keys, like Backlog does.

use super::activity_log::{PROJECT_USER_ADDED, titled};
use super::errors::{invalid, not_found};
use super::id_counters::{allocate, typed};
use super::space::{ProjectRecord, Space};
use super::validation::required_text;
use super::vocabulary::{DEFAULT_ISSUE_TYPES, DEFAULT_STATUSES};
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{NewProject, ProjectUpdate};
use crate::domain::ids::{CategoryId, IssueTypeId, ProjectId, StatusId};
use crate::domain::keys::{IssueKey, ProjectKey};
use crate::domain::project::{Category, IssueType, Project, Status};
use crate::ports::ProjectRef;

impl Space {
    fn key_in_use(
        &self,
        key: &ProjectKey,
        other_than: Option<ProjectId>,
    ) -> Result<(), BacklogError> {
        if self
            .projects
            .iter()
            .any(|p| p.project.key == *key && Some(p.project.id) != other_than)
        {
            return Err(invalid(format!(
                "key {key} is already used by another project."
            )));
        }
        Ok(())
    }

    pub(super) fn add_project(&mut self, new: &NewProject) -> Result<Project, BacklogError> {
        let me = self.myself_ref()?;
        let name = required_text("name", &new.name)?;
        self.key_in_use(&new.key, None)?;
        let id = allocate(
            &mut self.counters.project,
            self.projects.iter().map(|p| p.project.id.get()),
        );
        let id = typed(id, ProjectId::new)?;
        let statuses = DEFAULT_STATUSES
            .iter()
            .map(|(status, name, color, order)| {
                Ok(Status {
                    id: typed(*status, StatusId::new)?,
                    project_id: Some(id),
                    name: (*name).to_owned(),
                    color: Some((*color).to_owned()),
                    display_order: *order,
                })
            })
            .collect::<Result<Vec<_>, BacklogError>>()?;
        let mut issue_types = Vec::new();
        for (order, (name, color)) in (0..).zip(DEFAULT_ISSUE_TYPES) {
            let type_id = allocate(
                &mut self.counters.issue_type,
                self.projects
                    .iter()
                    .flat_map(|p| p.issue_types.iter().map(|t| t.id.get())),
            );
            issue_types.push(IssueType {
                id: typed(type_id, IssueTypeId::new)?,
                project_id: Some(id),
                name: name.to_owned(),
                color: Some(color.to_owned()),
                display_order: order,
            });
        }
        let project = Project {
            id,
            key: new.key.clone(),
            name,
            archived: false,
            chart_enabled: new.chart_enabled,
            subtasking_enabled: new.subtasking_enabled,
            project_leader_can_edit_project_leader: new
                .project_leader_can_edit_project_leader
                .unwrap_or(false),
            text_formatting_rule: new.text_formatting_rule.as_str().to_owned(),
        };
        self.projects.push(ProjectRecord {
            project: project.clone(),
            statuses,
            issue_types,
            categories: Vec::new(),
            versions: Vec::new(),
            members: vec![me.id],
            custom_fields: Vec::new(),
        });
        let now = self.tick();
        self.record_my_activity(PROJECT_USER_ADDED, id, titled(me.name), now)?;
        Ok(project)
    }

    pub(super) fn update_project(
        &mut self,
        target: &ProjectRef,
        update: &ProjectUpdate,
    ) -> Result<Project, BacklogError> {
        let id = self.find_project(target)?.project.id;
        let name = update
            .name
            .as_deref()
            .map(|n| required_text("name", n))
            .transpose()?;
        if let Some(key) = &update.key {
            self.key_in_use(key, Some(id))?;
        }
        let record = self.project_mut(id)?;
        let project = &mut record.project;
        if let Some(name) = name {
            project.name = name;
        }
        let rekey = update.key.clone().filter(|key| *key != project.key);
        if let Some(key) = &rekey {
            project.key = key.clone();
        }
        if let Some(value) = update.chart_enabled {
            project.chart_enabled = value;
        }
        if let Some(value) = update.subtasking_enabled {
            project.subtasking_enabled = value;
        }
        if let Some(value) = update.project_leader_can_edit_project_leader {
            project.project_leader_can_edit_project_leader = value;
        }
        if let Some(rule) = update.text_formatting_rule {
            project.text_formatting_rule = rule.as_str().to_owned();
        }
        if let Some(archived) = update.archived {
            project.archived = archived;
        }
        let project = project.clone();
        if let Some(key) = rekey {
            for issue in self.issues.iter_mut().filter(|i| i.project_id == id) {
                issue.key = IssueKey::new(key.clone(), issue.key.number())
                    .map_err(|e| invalid(e.to_string()))?;
            }
        }
        Ok(project)
    }

    pub(super) fn project_mut(
        &mut self,
        id: ProjectId,
    ) -> Result<&mut ProjectRecord, BacklogError> {
        self.projects
            .iter_mut()
            .find(|p| p.project.id == id)
            .ok_or_else(|| not_found(format!("project {id}"), "No project."))
    }

    pub(super) fn add_category(
        &mut self,
        target: &ProjectRef,
        name: &str,
    ) -> Result<Category, BacklogError> {
        let record = self.find_project(target)?;
        let (id, key) = (record.project.id, record.project.key.clone());
        let name = required_text("name", name)?;
        if record.categories.iter().any(|c| c.name == name) {
            return Err(invalid(format!(
                "name: project {key} already has a category named \"{name}\"."
            )));
        }
        let display_order = record
            .categories
            .iter()
            .map(|c| c.display_order + 1)
            .max()
            .unwrap_or(0);
        let category_id = allocate(
            &mut self.counters.category,
            self.projects
                .iter()
                .flat_map(|p| p.categories.iter().map(|c| c.id.get())),
        );
        let category = Category {
            id: typed(category_id, CategoryId::new)?,
            name,
            display_order,
        };
        self.project_mut(id)?.categories.push(category.clone());
        Ok(category)
    }
}
