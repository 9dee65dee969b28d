//! Issues a test adds behind the client's back
//! ([`crate::FaultHandle::insert_issues_after_list_requests`]): on a façade
//! server they are added to the memory model through its port, as "myself".

use crate::new_issue::NewIssue;
use backlog_mcp::adapters::memory::{MemoryBacklog, Space};
use backlog_mcp::domain::changes::NewIssue as NewDomainIssue;
use backlog_mcp::domain::ids::{PriorityId, UserId};
use backlog_mcp::ports::IssueRepository;

/// Adds each issue; one the model refuses (an unknown project) is left out.
pub(crate) async fn insert(model: &MemoryBacklog, issues: Vec<NewIssue>) {
    for new in issues {
        if let Some(issue) = model.inspect(|space| domain_issue(space, &new)) {
            let _ = model.add_issue(&issue).await;
        }
    }
}

fn domain_issue(space: &Space, new: &NewIssue) -> Option<NewDomainIssue> {
    let record = space.projects.iter().find(|p| {
        p.project.key.as_str() == new.project || p.project.id.get().to_string() == new.project
    })?;
    let mut issue = NewDomainIssue::new(
        record.project.id,
        new.summary.clone(),
        record.issue_types.first()?.id,
        PriorityId::new(3).ok()?,
    );
    issue.assignee_id = new.assignee_id.and_then(|id| UserId::new(id).ok());
    Some(issue)
}
