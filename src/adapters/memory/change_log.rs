//! The change log Backlog records with an issue update: one entry per field whose
//! value changed, under Backlog's field names (`assigner` for the assignee,
//! `limitDate` for the due date, `component` for categories, a custom field's
//! name for its value), with values as Backlog displays them: names, not ids;
//! dates as yyyy-MM-dd; several names separated by commas.

use super::custom_field_values::display;
use crate::domain::comment::ChangeLogEntry;
use crate::domain::ids::IssueId;
use crate::domain::issue::{Issue, Named};

/// The entries for the fields that differ between `before` and `after`;
/// `issue_key` names a parent issue by its key.
pub fn changes(
    before: &Issue,
    after: &Issue,
    issue_key: impl Fn(IssueId) -> Option<String>,
) -> Vec<ChangeLogEntry> {
    let mut log = ChangeLog::default();
    log.push("summary", Some(&before.summary), Some(&after.summary));
    log.push(
        "description",
        non_empty(&before.description),
        non_empty(&after.description),
    );
    log.push(
        "issueType",
        Some(&before.issue_type.name),
        Some(&after.issue_type.name),
    );
    log.push("priority", name(&before.priority), name(&after.priority));
    log.push(
        "status",
        Some(&before.status.name),
        Some(&after.status.name),
    );
    log.push(
        "resolution",
        name(&before.resolution),
        name(&after.resolution),
    );
    log.push(
        "assigner",
        before.assignee.as_ref().map(|u| u.name.as_str()),
        after.assignee.as_ref().map(|u| u.name.as_str()),
    );
    log.push_owned(
        "component",
        names(&before.categories),
        names(&after.categories),
    );
    log.push_owned("version", names(&before.versions), names(&after.versions));
    log.push_owned(
        "milestone",
        names(&before.milestones),
        names(&after.milestones),
    );
    log.push_owned(
        "startDate",
        before.start_date.map(|d| d.to_string()),
        after.start_date.map(|d| d.to_string()),
    );
    log.push_owned(
        "limitDate",
        before.due_date.map(|d| d.to_string()),
        after.due_date.map(|d| d.to_string()),
    );
    log.push_owned(
        "estimatedHours",
        before.estimated_hours.map(|h| h.to_string()),
        after.estimated_hours.map(|h| h.to_string()),
    );
    log.push_owned(
        "actualHours",
        before.actual_hours.map(|h| h.to_string()),
        after.actual_hours.map(|h| h.to_string()),
    );
    log.push_owned(
        "parentIssue",
        before.parent_issue_id.and_then(&issue_key),
        after.parent_issue_id.and_then(&issue_key),
    );
    let mut field_ids: Vec<_> = before.custom_fields.iter().map(|v| v.id).collect();
    field_ids.extend(
        after
            .custom_fields
            .iter()
            .map(|v| v.id)
            .filter(|id| !before.custom_fields.iter().any(|v| v.id == *id)),
    );
    for id in field_ids {
        let old = before.custom_fields.iter().find(|v| v.id == id);
        let new = after.custom_fields.iter().find(|v| v.id == id);
        let Some(field) = new.or(old).map(|v| v.name.clone()) else {
            continue;
        };
        log.push_owned(&field, old.and_then(display), new.and_then(display));
    }
    log.entries
}

#[derive(Default)]
struct ChangeLog {
    entries: Vec<ChangeLogEntry>,
}

impl ChangeLog {
    fn push(&mut self, field: &str, old: Option<&str>, new: Option<&str>) {
        self.push_owned(field, old.map(str::to_owned), new.map(str::to_owned));
    }

    fn push_owned(&mut self, field: &str, old: Option<String>, new: Option<String>) {
        if old != new {
            self.entries.push(ChangeLogEntry::new(field, old, new));
        }
    }
}

fn non_empty(text: &str) -> Option<&str> {
    (!text.is_empty()).then_some(text)
}

fn name<I>(named: &Option<Named<I>>) -> Option<&str> {
    named.as_ref().map(|n| n.name.as_str())
}

fn names<I>(named: &[Named<I>]) -> Option<String> {
    (!named.is_empty()).then(|| {
        named
            .iter()
            .map(|n| n.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    })
}
