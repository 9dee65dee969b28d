//! What to create or change: issues, comments, projects, versions.

use super::calendar_date::CalendarDate;
use super::custom_field::CustomFieldSetting;
use super::ids::{
    AttachmentId, CategoryId, IssueId, IssueTypeId, PriorityId, ProjectId, ResolutionId, StatusId,
    UserId, VersionId,
};
use super::keys::ProjectKey;

/// A change to an optional attribute: leave it, set it, or empty it.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Change<T> {
    #[default]
    Keep,
    Set(T),
    Clear,
}

impl<T> Change<T> {
    pub fn is_keep(&self) -> bool {
        matches!(self, Self::Keep)
    }

    /// `Set` for `Some`, `Clear` for `None`.
    pub fn from_option(value: Option<T>) -> Self {
        value.map_or(Self::Clear, Self::Set)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewIssue {
    pub project_id: ProjectId,
    pub summary: String,
    pub issue_type_id: IssueTypeId,
    pub priority_id: PriorityId,
    pub description: Option<String>,
    pub start_date: Option<CalendarDate>,
    pub due_date: Option<CalendarDate>,
    pub estimated_hours: Option<f64>,
    pub actual_hours: Option<f64>,
    pub category_ids: Vec<CategoryId>,
    pub version_ids: Vec<VersionId>,
    pub milestone_ids: Vec<VersionId>,
    pub assignee_id: Option<UserId>,
    pub notified_user_ids: Vec<UserId>,
    pub attachment_ids: Vec<AttachmentId>,
    pub parent_issue_id: Option<IssueId>,
    pub custom_fields: Vec<CustomFieldSetting>,
}

impl NewIssue {
    /// An issue with only what Backlog requires: project, summary, type and
    /// priority; everything else unset.
    pub fn new(
        project_id: ProjectId,
        summary: impl Into<String>,
        issue_type_id: IssueTypeId,
        priority_id: PriorityId,
    ) -> Self {
        Self {
            project_id,
            summary: summary.into(),
            issue_type_id,
            priority_id,
            description: None,
            start_date: None,
            due_date: None,
            estimated_hours: None,
            actual_hours: None,
            category_ids: Vec::new(),
            version_ids: Vec::new(),
            milestone_ids: Vec::new(),
            assignee_id: None,
            notified_user_ids: Vec::new(),
            attachment_ids: Vec::new(),
            parent_issue_id: None,
            custom_fields: Vec::new(),
        }
    }
}

/// Changes to an issue. List attributes: `None` leaves them, `Some(vec![])` empties them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IssueUpdate {
    pub summary: Option<String>,
    pub issue_type_id: Option<IssueTypeId>,
    pub priority_id: Option<PriorityId>,
    pub description: Option<String>,
    pub status_id: Option<StatusId>,
    pub resolution_id: Change<ResolutionId>,
    pub assignee_id: Change<UserId>,
    pub start_date: Change<CalendarDate>,
    pub due_date: Change<CalendarDate>,
    pub estimated_hours: Change<f64>,
    pub actual_hours: Change<f64>,
    pub category_ids: Option<Vec<CategoryId>>,
    pub version_ids: Option<Vec<VersionId>>,
    pub milestone_ids: Option<Vec<VersionId>>,
    pub parent_issue_id: Change<IssueId>,
    pub notified_user_ids: Vec<UserId>,
    pub attachment_ids: Vec<AttachmentId>,
    pub custom_fields: Vec<CustomFieldSetting>,
    /// Posted as a comment carrying the change log.
    pub comment: Option<String>,
}

impl IssueUpdate {
    /// True when nothing would be sent.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewComment {
    pub content: String,
    pub notified_user_ids: Vec<UserId>,
    pub attachment_ids: Vec<AttachmentId>,
}

/// `markdown` or `backlog` (Backlog's own wiki syntax).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFormattingRule {
    Markdown,
    Backlog,
}

impl TextFormattingRule {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Markdown => "markdown",
            Self::Backlog => "backlog",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewProject {
    pub name: String,
    pub key: ProjectKey,
    pub chart_enabled: bool,
    pub subtasking_enabled: bool,
    pub project_leader_can_edit_project_leader: Option<bool>,
    pub text_formatting_rule: TextFormattingRule,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProjectUpdate {
    pub name: Option<String>,
    pub key: Option<ProjectKey>,
    pub chart_enabled: Option<bool>,
    pub subtasking_enabled: Option<bool>,
    pub project_leader_can_edit_project_leader: Option<bool>,
    pub text_formatting_rule: Option<TextFormattingRule>,
    pub archived: Option<bool>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewVersion {
    pub name: String,
    pub description: Option<String>,
    pub start_date: Option<CalendarDate>,
    pub release_due_date: Option<CalendarDate>,
}

/// Backlog requires the name on every version update.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionUpdate {
    pub name: String,
    pub description: Option<String>,
    pub start_date: Change<CalendarDate>,
    pub release_due_date: Change<CalendarDate>,
    pub archived: Option<bool>,
}
