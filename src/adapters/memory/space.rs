//! The state of an in-memory space.

use crate::domain::comment::Comment;
use crate::domain::ids::{IssueId, ProjectId, UserId};
use crate::domain::issue::Issue;
use crate::domain::project::{Category, IssueType, Project, Status, Version};
use crate::domain::user::User;
use std::collections::{HashMap, HashSet};

/// A project with the vocabulary its issues use.
#[derive(Debug, Clone)]
pub struct ProjectRecord {
    pub project: Project,
    pub statuses: Vec<Status>,
    pub issue_types: Vec<IssueType>,
    pub categories: Vec<Category>,
    pub versions: Vec<Version>,
    pub members: Vec<UserId>,
}

/// Everything a memory space holds.
#[derive(Debug, Clone, Default)]
pub struct Space {
    /// The user the "API key" belongs to.
    pub myself: Option<UserId>,
    pub users: Vec<User>,
    pub projects: Vec<ProjectRecord>,
    pub issues: Vec<Issue>,
    pub comments: HashMap<IssueId, Vec<Comment>>,
}

impl Space {
    pub fn project_record(&self, id: ProjectId) -> Option<&ProjectRecord> {
        self.projects.iter().find(|p| p.project.id == id)
    }

    /// Ids of the issues that have at least one child.
    pub fn parent_ids(&self) -> HashSet<IssueId> {
        self.issues
            .iter()
            .filter_map(|i| i.parent_issue_id)
            .collect()
    }
}
