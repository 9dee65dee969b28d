//! The change log Backlog records with an issue update: one entry per field whose
//! value changed, under Backlog's field names (`assigner` for the assignee,
//! `limitDate` for the due date, `component` for categories, a custom field's
//! name for its value), with values as Backlog displays them: names, not ids;
//! dates as yyyy-MM-dd; several names separated by commas.

use super::custom_field_values::display;
use crate::domain::comment::ChangeLogEntry;
use crate::domain::ids::IssueId;
use crate::domain::issue::{Issue, Named};
use std::fmt::Display;

/// The entries for the fields that differ between `before` and `after`;
/// `issue_key` names a parent issue by its key.
pub fn changes(
    before: &Issue,
    after: &Issue,
    issue_key: impl Fn(IssueId) -> Option<String>,
) -> Vec<ChangeLogEntry> {
    let mut log = ChangeLog {
        before,
        after,
        entries: Vec::new(),
    };
    log.field("summary", |i| Some(i.summary.clone()));
    log.field("description", |i| {
        (!i.description.is_empty()).then(|| i.description.clone())
    });
    log.field("issueType", |i| Some(i.issue_type.name.clone()));
    log.field("priority", |i| name(&i.priority));
    log.field("status", |i| Some(i.status.name.clone()));
    log.field("resolution", |i| name(&i.resolution));
    log.field("assigner", |i| i.assignee.as_ref().map(|u| u.name.clone()));
    log.field("component", |i| names(&i.categories));
    log.field("version", |i| names(&i.versions));
    log.field("milestone", |i| names(&i.milestones));
    log.field("startDate", |i| shown(i.start_date));
    log.field("limitDate", |i| shown(i.due_date));
    log.field("estimatedHours", |i| shown(i.estimated_hours));
    log.field("actualHours", |i| shown(i.actual_hours));
    log.field("parentIssue", |i| i.parent_issue_id.and_then(&issue_key));
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
        log.push(&field, old.and_then(display), new.and_then(display));
    }
    log.entries
}

/// The entries of one update: each field as `before` and `after` show it.
struct ChangeLog<'a> {
    before: &'a Issue,
    after: &'a Issue,
    entries: Vec<ChangeLogEntry>,
}

impl ChangeLog<'_> {
    /// An entry when `shown` displays the field differently before and after.
    fn field(&mut self, field: &str, shown: impl Fn(&Issue) -> Option<String>) {
        let (old, new) = (shown(self.before), shown(self.after));
        self.push(field, old, new);
    }

    fn push(&mut self, field: &str, old: Option<String>, new: Option<String>) {
        if old != new {
            self.entries.push(ChangeLogEntry::new(field, old, new));
        }
    }
}

/// A date or a number, as it displays (dates as yyyy-MM-dd).
fn shown<T: Display>(value: Option<T>) -> Option<String> {
    value.map(|v| v.to_string())
}

fn name<I>(named: &Option<Named<I>>) -> Option<String> {
    named.as_ref().map(|n| n.name.clone())
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
