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
    Some(NewDomainIssue {
        project_id: record.project.id,
        summary: new.summary.clone(),
        issue_type_id: record.issue_types.first()?.id,
        priority_id: PriorityId::new(3).ok()?,
        description: None,
        start_date: None,
        due_date: None,
        estimated_hours: None,
        actual_hours: None,
        category_ids: Vec::new(),
        version_ids: Vec::new(),
        milestone_ids: Vec::new(),
        assignee_id: new.assignee_id.and_then(|id| UserId::new(id).ok()),
        notified_user_ids: Vec::new(),
        attachment_ids: Vec::new(),
        parent_issue_id: None,
        custom_fields: Vec::new(),
    })
}
