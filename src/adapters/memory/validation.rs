//! Checking issue parameters against the project's vocabulary. Like Backlog, a
//! refused value is a 400 InvalidRequestError whose message names the parameter.

use super::errors::invalid;
use super::space::{ProjectRecord, Space};
use super::vocabulary;
use crate::domain::backlog_error::BacklogError;
use crate::domain::calendar_date::CalendarDate;
use crate::domain::ids::{
    AttachmentId, CategoryId, IssueId, IssueTypeId, PriorityId, ResolutionId, StatusId, UserId,
    VersionId,
};
use crate::domain::issue::{Issue, Named};
use crate::domain::user::UserRef;

/// Backlog's limit on summaries (and names of categories and versions).
const MAX_NAME_CHARS: usize = 255;

/// The vocabulary of one project, for checking an issue's parameters.
pub struct IssueRules<'a> {
    space: &'a Space,
    record: &'a ProjectRecord,
}

impl<'a> IssueRules<'a> {
    pub fn new(space: &'a Space, record: &'a ProjectRecord) -> Self {
        Self { space, record }
    }

    fn project(&self) -> &str {
        self.record.project.key.as_str()
    }

    pub fn issue_type(&self, id: IssueTypeId) -> Result<Named<IssueTypeId>, BacklogError> {
        self.record
            .issue_types
            .iter()
            .find(|t| t.id == id)
            .map(|t| Named::new(t.id, t.name.clone()))
            .ok_or_else(|| {
                invalid(format!(
                    "issueTypeId {id} is not an issue type of project {}.",
                    self.project()
                ))
            })
    }

    pub fn priority(&self, id: PriorityId) -> Result<Named<PriorityId>, BacklogError> {
        vocabulary::priority(id).ok_or_else(|| {
            invalid(format!(
                "priorityId {id} is not a priority (2 High, 3 Normal, 4 Low)."
            ))
        })
    }

    pub fn status(&self, id: StatusId) -> Result<Named<StatusId>, BacklogError> {
        self.record
            .statuses
            .iter()
            .find(|s| s.id == id)
            .map(|s| Named::new(s.id, s.name.clone()))
            .ok_or_else(|| {
                invalid(format!(
                    "statusId {id} is not a status of project {}.",
                    self.project()
                ))
            })
    }

    pub fn resolution(&self, id: ResolutionId) -> Result<Named<ResolutionId>, BacklogError> {
        vocabulary::resolution(id).ok_or_else(|| {
            invalid(format!(
                "resolutionId {id} is not a resolution (0 Fixed, 1 Won't Fix, 2 Invalid, 3 Duplication, 4 Cannot Reproduce)."
            ))
        })
    }

    /// The named categories, duplicates dropped, in the order given.
    pub fn categories(&self, ids: &[CategoryId]) -> Result<Vec<Named<CategoryId>>, BacklogError> {
        let mut named: Vec<Named<CategoryId>> = Vec::new();
        for id in ids {
            let category = self
                .record
                .categories
                .iter()
                .find(|c| c.id == *id)
                .ok_or_else(|| {
                    invalid(format!(
                        "categoryId {id} is not a category of project {}.",
                        self.project()
                    ))
                })?;
            if !named.iter().any(|n| n.id == *id) {
                named.push(Named::new(category.id, category.name.clone()));
            }
        }
        Ok(named)
    }

    /// Versions or milestones (`parameter` says which), duplicates dropped.
    pub fn versions(
        &self,
        parameter: &str,
        ids: &[VersionId],
    ) -> Result<Vec<Named<VersionId>>, BacklogError> {
        let mut named: Vec<Named<VersionId>> = Vec::new();
        for id in ids {
            let version = self
                .record
                .versions
                .iter()
                .find(|v| v.id == *id)
                .ok_or_else(|| {
                    invalid(format!(
                        "{parameter} {id} is not a version or milestone of project {}.",
                        self.project()
                    ))
                })?;
            if !named.iter().any(|n| n.id == *id) {
                named.push(Named::new(version.id, version.name.clone()));
            }
        }
        Ok(named)
    }

    fn member(&self, parameter: &str, id: UserId) -> Result<UserRef, BacklogError> {
        self.space
            .user(id)
            .filter(|_| self.record.members.contains(&id))
            .map(|u| u.to_ref())
            .ok_or_else(|| {
                invalid(format!(
                    "{parameter} {id} is not a member of project {}.",
                    self.project()
                ))
            })
    }

    pub fn assignee(&self, id: UserId) -> Result<UserRef, BacklogError> {
        self.member("assigneeId", id)
    }

    /// Users to notify must be members; the memory space sends no mail but
    /// records whom it would have notified.
    pub fn notified(&self, ids: &[UserId]) -> Result<Vec<UserRef>, BacklogError> {
        ids.iter()
            .map(|id| self.member("notifiedUserId", *id))
            .collect()
    }

    /// Files to attach must have been uploaded first (`POST /space/attachment`);
    /// the memory space has no uploads, so every id is unknown.
    pub fn attachments(&self, ids: &[AttachmentId]) -> Result<(), BacklogError> {
        match ids.first() {
            Some(id) => Err(invalid(format!(
                "attachmentId {id} is not an uploaded file; upload it to the space first."
            ))),
            None => Ok(()),
        }
    }

    /// A parent must be an issue of the same project that is not itself a child;
    /// `child` is the issue getting the parent (`None` for a new issue).
    pub fn parent(&self, id: IssueId, child: Option<&Issue>) -> Result<IssueId, BacklogError> {
        if !self.record.project.subtasking_enabled {
            return Err(invalid(format!(
                "parentIssueId: project {} does not use subtasking.",
                self.project()
            )));
        }
        let parent = self
            .space
            .issue_by_id(id)
            .ok_or_else(|| invalid(format!("parentIssueId {id} is not an issue.")))?;
        if parent.project_id != self.record.project.id {
            return Err(invalid(format!(
                "parentIssueId {id} ({}) is an issue of another project than {}.",
                parent.key,
                self.project()
            )));
        }
        if parent.parent_issue_id.is_some() {
            return Err(invalid(format!(
                "parentIssueId {id} ({}) is a child issue; a child issue cannot be a parent.",
                parent.key
            )));
        }
        if let Some(child) = child {
            if child.id == id {
                return Err(invalid(format!("parentIssueId {id} is the issue itself.")));
            }
            if self
                .space
                .issues
                .iter()
                .any(|i| i.parent_issue_id == Some(child.id))
            {
                return Err(invalid(format!(
                    "parentIssueId: {} has child issues, so it cannot become a child issue.",
                    child.key
                )));
            }
        }
        Ok(parent.id)
    }
}

/// A summary (or a name) must have text and at most 255 characters.
pub fn required_text(parameter: &str, text: &str) -> Result<String, BacklogError> {
    if text.trim().is_empty() {
        return Err(invalid(format!("{parameter} must not be empty.")));
    }
    if text.chars().count() > MAX_NAME_CHARS {
        return Err(invalid(format!(
            "{parameter} must be {MAX_NAME_CHARS} characters or less."
        )));
    }
    Ok(text.to_owned())
}

/// The due date may not come before the start date.
pub fn date_order(
    start: Option<CalendarDate>,
    due: Option<CalendarDate>,
    names: (&str, &str),
) -> Result<(), BacklogError> {
    match (start, due) {
        (Some(start), Some(due)) if due < start => Err(invalid(format!(
            "{} ({due}) is before {} ({start}).",
            names.1, names.0
        ))),
        _ => Ok(()),
    }
}

/// Hours are numbers of 0 or more.
pub fn hours(parameter: &str, value: Option<f64>) -> Result<(), BacklogError> {
    match value {
        Some(h) if !h.is_finite() || h < 0.0 => Err(invalid(format!(
            "{parameter} must be a number of 0 or more (got {h})."
        ))),
        _ => Ok(()),
    }
}
