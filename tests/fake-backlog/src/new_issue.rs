//! [`NewIssue`]: an issue a test adds behind the client's back
//! ([`crate::FaultHandle::insert_issues_after_list_requests`]).

/// An issue to add; everything but the project and summary has a default: the
/// project's first issue type, priority 3 (Normal), no assignee, created by
/// "myself" at the model's clock.
#[derive(Debug, Clone, PartialEq)]
pub struct NewIssue {
    /// Project id or key.
    pub project: String,
    pub summary: String,
    pub description: String,
    pub issue_type_id: Option<i64>,
    pub priority_id: i64,
    pub assignee_id: Option<i64>,
    pub parent_issue_id: Option<i64>,
}

impl NewIssue {
    pub fn new(project: impl Into<String>, summary: impl Into<String>) -> NewIssue {
        NewIssue {
            project: project.into(),
            summary: summary.into(),
            description: String::new(),
            issue_type_id: None,
            priority_id: 3,
            assignee_id: None,
            parent_issue_id: None,
        }
    }

    pub fn description(mut self, text: impl Into<String>) -> Self {
        self.description = text.into();
        self
    }

    pub fn priority(mut self, priority_id: i64) -> Self {
        self.priority_id = priority_id;
        self
    }

    pub fn issue_type(mut self, issue_type_id: i64) -> Self {
        self.issue_type_id = Some(issue_type_id);
        self
    }

    pub fn assignee(mut self, user_id: i64) -> Self {
        self.assignee_id = Some(user_id);
        self
    }

    pub fn parent(mut self, issue_id: i64) -> Self {
        self.parent_issue_id = Some(issue_id);
        self
    }
}
