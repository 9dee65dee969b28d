//! What scenarios share: references by key, a minimal new issue, error matchers.
//! Scenarios find ids through the ports themselves, so they hold for any seed
//! with the projects WEB and APP.

use crate::backends::Backlog;
use backlog_mcp::domain::backlog_error::BacklogError;
use backlog_mcp::domain::changes::NewIssue;
use backlog_mcp::domain::ids::{PriorityId, UserId};
use backlog_mcp::domain::issue::Issue;
use backlog_mcp::domain::keys::{IssueKey, ProjectKey};
use backlog_mcp::domain::project::Project;
use backlog_mcp::ports::{IssueRef, ProjectRef};
use std::fmt::Debug;

pub fn project_ref(key: &str) -> ProjectRef {
    ProjectRef::Key(ProjectKey::parse(key).unwrap())
}

pub fn issue_ref(key: &str) -> IssueRef {
    IssueRef::Key(IssueKey::parse(key).unwrap())
}

pub async fn project(b: &dyn Backlog, key: &str) -> Project {
    b.project(&project_ref(key)).await.unwrap()
}

pub async fn me(b: &dyn Backlog) -> UserId {
    b.myself().await.unwrap().id
}

/// A minimal valid issue of the project: its first issue type, Normal priority.
pub async fn new_issue(b: &dyn Backlog, project_key: &str, summary: &str) -> NewIssue {
    let project = project(b, project_key).await;
    let issue_types = b.issue_types(&project_ref(project_key)).await.unwrap();
    NewIssue::new(
        project.id,
        summary,
        issue_types[0].id,
        PriorityId::new(3).unwrap(),
    )
}

/// Creates a minimal issue in the project.
pub async fn add_issue(b: &dyn Backlog, project_key: &str, summary: &str) -> Issue {
    let issue = new_issue(b, project_key, summary).await;
    b.add_issue(&issue).await.unwrap()
}

pub fn by_key(issue: &Issue) -> IssueRef {
    IssueRef::Key(issue.key.clone())
}

/// `(what, message)` of a NotFound; fails on anything else.
pub fn not_found<T: Debug>(result: Result<T, BacklogError>) -> (String, String) {
    match result {
        Err(BacklogError::NotFound { what, message }) => (what, message),
        other => panic!("expected NotFound, got {other:?}"),
    }
}

/// The message of a 400 rejection; fails on anything else.
pub fn bad_request<T: Debug>(result: Result<T, BacklogError>) -> String {
    match result {
        Err(BacklogError::Rejected {
            status: 400,
            message,
            ..
        }) => message,
        other => panic!("expected a 400 rejection, got {other:?}"),
    }
}

/// The message of a 403 rejection; fails on anything else.
pub fn forbidden<T: Debug>(result: Result<T, BacklogError>) -> String {
    match result {
        Err(BacklogError::Rejected {
            status: 403,
            message,
            ..
        }) => message,
        other => panic!("expected a 403 rejection, got {other:?}"),
    }
}
