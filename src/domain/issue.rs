//! Issues and what they carry.

use super::calendar_date::CalendarDate;
use super::ids::{
    AttachmentId, CategoryId, CustomFieldId, IssueId, IssueTypeId, PriorityId, ProjectId,
    ResolutionId, SharedFileId, StatusId, VersionId,
};
use super::keys::IssueKey;
use super::user::UserRef;
use chrono::{DateTime, Utc};

/// Something referenced by id that has a display name (a priority, a category…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named<I> {
    pub id: I,
    pub name: String,
}

impl<I> Named<I> {
    pub fn new(id: I, name: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub id: IssueId,
    pub project_id: ProjectId,
    pub key: IssueKey,
    pub issue_type: Named<IssueTypeId>,
    pub summary: String,
    pub description: String,
    pub status: Named<StatusId>,
    pub priority: Option<Named<PriorityId>>,
    pub resolution: Option<Named<ResolutionId>>,
    pub assignee: Option<UserRef>,
    pub categories: Vec<Named<CategoryId>>,
    /// Affected versions.
    pub versions: Vec<Named<VersionId>>,
    pub milestones: Vec<Named<VersionId>>,
    pub start_date: Option<CalendarDate>,
    pub due_date: Option<CalendarDate>,
    pub estimated_hours: Option<f64>,
    pub actual_hours: Option<f64>,
    pub parent_issue_id: Option<IssueId>,
    pub custom_fields: Vec<CustomFieldValue>,
    pub attachments: Vec<Attachment>,
    /// Files of the project's file sharing linked to the issue.
    pub shared_files: Vec<SharedFile>,
    /// How many stars the issue received.
    pub star_count: u64,
    /// How many child issues it has and how many of them are closed; Backlog
    /// sends this only when asked to, so it is often unknown.
    pub child_issue_summary: Option<ChildIssueSummary>,
    pub created_user: Option<UserRef>,
    pub created: DateTime<Utc>,
    pub updated_user: Option<UserRef>,
    pub updated: Option<DateTime<Utc>>,
}

/// The value an issue holds for one custom field.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomFieldValue {
    pub id: CustomFieldId,
    pub name: String,
    pub value: CustomFieldContent,
    /// Free text of the "other" choice of check-box and radio fields.
    pub other_value: Option<String>,
}

impl CustomFieldValue {
    /// Whether the field holds nothing: no value and no "other" text. An issue
    /// holds only the fields that are set.
    pub fn is_unset(&self) -> bool {
        self.value == CustomFieldContent::Empty && self.other_value.is_none()
    }
}

/// A custom field's value. `Items` holds at least one item: no choice is `Empty`.
#[derive(Debug, Clone, PartialEq)]
pub enum CustomFieldContent {
    Empty,
    Text(String),
    Number(f64),
    Date(CalendarDate),
    /// The chosen items of a list, check-box or radio field.
    Items(Vec<Named<i64>>),
}

/// A file attached to an issue.
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    pub id: AttachmentId,
    pub name: String,
    pub size: u64,
    pub created_user: Option<UserRef>,
    pub created: Option<DateTime<Utc>>,
}

/// A file or directory of the project's file sharing, linked to an issue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedFile {
    pub id: SharedFileId,
    /// The directory it is in, e.g. `/docs/specs/`.
    pub dir: String,
    pub name: String,
    pub is_directory: bool,
    /// Bytes; `None` when Backlog did not say (directories).
    pub size: Option<u64>,
}

impl SharedFile {
    /// `dir` and `name` joined, with a trailing `/` for a directory:
    /// `/docs/specs/login.pdf`, `/docs/specs/old/`.
    pub fn path(&self) -> String {
        let dir = if self.dir.ends_with('/') {
            self.dir.clone()
        } else {
            format!("{}/", self.dir)
        };
        let slash = if self.is_directory { "/" } else { "" };
        format!("{dir}{}{slash}", self.name)
    }
}

/// The children of a parent issue, counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChildIssueSummary {
    pub total: u64,
    pub closed: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared(dir: &str, name: &str, is_directory: bool) -> SharedFile {
        SharedFile {
            id: SharedFileId::new(1).unwrap(),
            dir: dir.to_owned(),
            name: name.to_owned(),
            is_directory,
            size: None,
        }
    }

    #[test]
    fn a_shared_file_path_joins_its_directory_and_name() {
        assert_eq!(shared("/docs/", "spec.pdf", false).path(), "/docs/spec.pdf");
        assert_eq!(shared("/docs", "spec.pdf", false).path(), "/docs/spec.pdf");
        assert_eq!(shared("/docs/", "old", true).path(), "/docs/old/");
        assert_eq!(shared("", "top.txt", false).path(), "/top.txt");
    }
}
