//! Recent updates ("activities"): the model, and how writes append to it.
//!
//! Only writes that have a Backlog activity type append one: issue created (1),
//! updated (2), commented (3), deleted (4), milestone/version created (22),
//! updated (23), deleted (24). Project, category, watching and related-issue writes
//! have no activity type in Backlog and append nothing.

use super::{ChangeLogEntry, Issue, Space};
use chrono::{DateTime, NaiveDate, Utc};

pub const ISSUE_CREATED: i64 = 1;
pub const ISSUE_UPDATED: i64 = 2;
pub const ISSUE_COMMENTED: i64 = 3;
pub const ISSUE_DELETED: i64 = 4;
pub const WIKI_CREATED: i64 = 5;
pub const FILE_ADDED: i64 = 8;
pub const PROJECT_USER_ADDED: i64 = 15;
pub const PULL_REQUEST_ADDED: i64 = 18;
pub const MILESTONE_CREATED: i64 = 22;
pub const MILESTONE_UPDATED: i64 = 23;
pub const MILESTONE_DELETED: i64 = 24;

/// One recent update (`GET /space/activities`, `/users/:id/activities`).
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub id: i64,
    pub project_id: i64,
    /// Backlog's activity type (1 issue created, 2 updated, 3 commented, ...).
    pub type_id: i64,
    pub content: ActivityContent,
    pub created_user_id: i64,
    pub created: DateTime<Utc>,
}

/// The `content` of an activity, by kind. Rendered with Backlog's snake_case keys.
#[derive(Debug, Clone, PartialEq)]
pub enum ActivityContent {
    /// Types 1–4: `{id, key_id, summary, description, comment, changes, attachments,
    /// shared_files, external_file_links}`.
    Issue {
        issue_id: i64,
        key_id: i64,
        summary: String,
        description: String,
        /// `(comment id, content)`.
        comment: Option<(i64, String)>,
        changes: Vec<ActivityChange>,
        /// `(id, name, size)` of files attached by this update.
        attachments: Vec<(i64, String, i64)>,
    },
    /// Types 5–7: `{id, name, content, diff, version, attachments, shared_files}`.
    Wiki {
        id: i64,
        name: String,
        content: String,
        diff: Option<String>,
        version: Option<i64>,
    },
    /// Types 22–24: `{id, name, start_date, reference_date, description}`.
    Milestone {
        id: i64,
        name: String,
        start_date: Option<NaiveDate>,
        reference_date: Option<NaiveDate>,
        description: String,
    },
    /// Types 15/16: `{users, comment}`.
    ProjectUsers { user_ids: Vec<i64>, comment: String },
    /// Anything else, rendered as given.
    Other(serde_json::Value),
}

/// One entry of an issue activity's `changes`: `{field, new_value, old_value, type}`.
/// Values are the comment change log's display values, except `status`, which
/// carries status ids like Backlog's activity feed does.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityChange {
    pub field: String,
    pub new_value: String,
    pub old_value: String,
    /// `"standard"` (the only kind the fake produces; Backlog's fixtures use it for
    /// attachments too).
    pub kind: String,
}

impl ActivityChange {
    pub fn new(field: &str, old_value: &str, new_value: &str) -> ActivityChange {
        ActivityChange {
            field: field.to_owned(),
            new_value: new_value.to_owned(),
            old_value: old_value.to_owned(),
            kind: "standard".to_owned(),
        }
    }
}

impl ActivityContent {
    /// Issue content carrying the issue's current summary and description.
    pub(crate) fn issue(
        issue: &Issue,
        comment: Option<(i64, String)>,
        changes: Vec<ActivityChange>,
    ) -> ActivityContent {
        ActivityContent::Issue {
            issue_id: issue.id,
            key_id: issue.key_id,
            summary: issue.summary.clone(),
            description: issue.description.clone(),
            comment,
            changes,
            attachments: Vec::new(),
        }
    }
}

/// The activity `changes` for a comment change log (status names become ids).
pub(crate) fn changes_of(
    space: &Space,
    issue: &Issue,
    log: &[ChangeLogEntry],
) -> Vec<ActivityChange> {
    let project = space.project(issue.project_id);
    let status_id = |name: Option<&str>| -> String {
        name.and_then(|n| project?.statuses.iter().find(|s| s.name == n))
            .map(|s| s.id.to_string())
            .unwrap_or_default()
    };
    log.iter()
        .map(|entry| {
            let (old, new) = if entry.field == "status" {
                (
                    status_id(entry.original_value.as_deref()),
                    status_id(entry.new_value.as_deref()),
                )
            } else {
                (
                    entry.original_value.clone().unwrap_or_default(),
                    entry.new_value.clone().unwrap_or_default(),
                )
            };
            ActivityChange::new(&entry.field, &old, &new)
        })
        .collect()
}

impl Space {
    /// Appends an activity by `user` at `at` and returns its id.
    pub(crate) fn record_activity(
        &mut self,
        project_id: i64,
        type_id: i64,
        content: ActivityContent,
        user: i64,
        at: DateTime<Utc>,
    ) -> i64 {
        let taken = self.activities.last().map(|a| a.id);
        let id = Space::fresh_id(&mut self.next_ids.activity, taken);
        self.activities.push(Activity {
            id,
            project_id,
            type_id,
            content,
            created_user_id: user,
            created: at,
        });
        id
    }
}
