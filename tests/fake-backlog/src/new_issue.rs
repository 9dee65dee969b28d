//! [`NewIssue`]: an issue a test adds behind the client's back
//! ([`crate::FaultHandle::insert_issues_after_list_requests`]).

/// An issue to add: the project's first issue type, priority 3 (Normal), no
/// description, created by "myself" at the model's clock.
#[derive(Debug, Clone, PartialEq)]
pub struct NewIssue {
    /// Project id or key.
    pub project: String,
    pub summary: String,
    pub assignee_id: Option<i64>,
}

impl NewIssue {
    pub fn new(project: impl Into<String>, summary: impl Into<String>) -> NewIssue {
        NewIssue {
            project: project.into(),
            summary: summary.into(),
            assignee_id: None,
        }
    }

    pub fn assignee(mut self, user_id: i64) -> Self {
        self.assignee_id = Some(user_id);
        self
    }
}
