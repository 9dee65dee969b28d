//! Tests of the memory adapter through its ports, over the seeded demo space.

mod activities;
mod attachments;
mod comments;
mod issue_creation;
mod issue_deletion;
mod issue_updates;
mod projects;
mod space_and_users;
mod versions;
mod watchings;

use super::MemoryBacklog;
use crate::domain::activity::{Activity, ActivityQuery};
use crate::domain::backlog_error::{BacklogError, BacklogErrorCode};
use crate::domain::changes::NewIssue;
use crate::domain::comment::ChangeLogEntry;
use crate::domain::ids::{IssueId, IssueTypeId, PriorityId, ProjectId, UserId};
use crate::domain::issue::Issue;
use crate::domain::issue_filter::{IssueFilter, IssueQuery, PageSize, SortOrder};
use crate::domain::keys::{IssueKey, ProjectKey};
use crate::ports::{IssueRef, IssueRepository, ProjectRef, SpaceRepository};
use std::fmt::Debug;

pub const MYSELF: i64 = 1001;
pub const SATO: i64 = 1002;
pub const WEB: i64 = 101;
pub const APP: i64 = 102;
pub const WEB_BUG: i64 = 201;
pub const WEB_TASK: i64 = 202;

pub fn demo() -> MemoryBacklog {
    MemoryBacklog::demo()
}

pub fn key(key: &str) -> IssueRef {
    IssueRef::Key(IssueKey::parse(key).unwrap())
}

pub fn project(key: &str) -> ProjectRef {
    ProjectRef::Key(ProjectKey::parse(key).unwrap())
}

pub fn issue_id(id: i64) -> IssueId {
    IssueId::new(id).unwrap()
}

pub fn user(id: i64) -> UserId {
    UserId::new(id).unwrap()
}

/// A minimal valid issue for a project: summary, type, Normal priority.
pub fn new_issue(project: i64, summary: &str, issue_type: i64) -> NewIssue {
    NewIssue::new(
        ProjectId::new(project).unwrap(),
        summary,
        IssueTypeId::new(issue_type).unwrap(),
        PriorityId::new(3).unwrap(),
    )
}

/// The message of a 400 InvalidRequestError; fails on anything else.
pub fn bad_request<T: Debug>(result: Result<T, BacklogError>) -> String {
    match result {
        Err(BacklogError::Rejected {
            status: 400,
            code: Some(BacklogErrorCode::InvalidRequestError),
            message,
        }) => message,
        other => panic!("expected a 400 InvalidRequestError, got {other:?}"),
    }
}

/// (what, message) of a 404 NoResourceError.
pub fn missing<T: Debug>(result: Result<T, BacklogError>) -> (String, String) {
    match result {
        Err(BacklogError::NotFound { what, message }) => (what, message),
        other => panic!("expected NotFound, got {other:?}"),
    }
}

pub fn entry(field: &str, old: Option<&str>, new: Option<&str>) -> ChangeLogEntry {
    ChangeLogEntry::new(field, old.map(str::to_owned), new.map(str::to_owned))
}

pub fn activity_query(count: i64) -> ActivityQuery {
    ActivityQuery {
        type_ids: vec![],
        min_id: None,
        max_id: None,
        count: PageSize::new(count).unwrap(),
        order: SortOrder::Desc,
    }
}

/// The newest activity of the space.
pub async fn newest_activity(backlog: &MemoryBacklog) -> Activity {
    backlog
        .space_activities(&activity_query(1))
        .await
        .unwrap()
        .remove(0)
}

/// Every issue matching the filter, by key.
pub async fn keys_matching(backlog: &MemoryBacklog, filter: IssueFilter) -> Vec<String> {
    backlog
        .issues(&IssueQuery::first_page(filter))
        .await
        .unwrap()
        .iter()
        .map(|i| i.key.to_string())
        .collect()
}

pub async fn issue(backlog: &MemoryBacklog, key_text: &str) -> Issue {
    backlog.issue(&key(key_text)).await.unwrap()
}
