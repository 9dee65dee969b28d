//! Projects and the per-project vocabulary issues are classified with.

use super::calendar_date::CalendarDate;
use super::ids::{CategoryId, IssueTypeId, ProjectId, StatusId, VersionId};
use super::keys::ProjectKey;

#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    pub id: ProjectId,
    pub key: ProjectKey,
    pub name: String,
    pub archived: bool,
    pub chart_enabled: bool,
    pub subtasking_enabled: bool,
    pub project_leader_can_edit_project_leader: bool,
    /// `markdown` or `backlog`.
    pub text_formatting_rule: String,
}

/// A status of a project's workflow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub id: StatusId,
    pub project_id: Option<ProjectId>,
    pub name: String,
    pub color: Option<String>,
    pub display_order: i64,
}

impl Status {
    pub fn is_closed(&self) -> bool {
        self.id == StatusId::CLOSED
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueType {
    pub id: IssueTypeId,
    pub project_id: Option<ProjectId>,
    pub name: String,
    pub color: Option<String>,
    pub display_order: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    pub id: CategoryId,
    pub name: String,
    pub display_order: i64,
}

/// A version or milestone (Backlog uses one object for both).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub id: VersionId,
    pub project_id: Option<ProjectId>,
    pub name: String,
    pub description: Option<String>,
    pub start_date: Option<CalendarDate>,
    pub release_due_date: Option<CalendarDate>,
    pub archived: bool,
    pub display_order: i64,
}

/// Which projects `GET /projects` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ProjectListQuery {
    /// `None`: archived and active; `Some(false)`: active only; `Some(true)`: archived only.
    pub archived: Option<bool>,
    /// Administrators only: every project of the space, not only joined ones.
    pub all: bool,
}
