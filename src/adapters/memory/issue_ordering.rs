//! Sorting issues like Backlog's `sort`/`order` parameters. Missing values sort
//! first in ascending order; ties are broken by issue id in the same direction,
//! so paging is deterministic.

use crate::domain::issue::{CustomFieldContent, Issue};
use crate::domain::issue_filter::{IssueSort, SortOrder};
use std::cmp::Ordering;

/// Backlog's default when no sort is given.
pub const DEFAULT_SORT: IssueSort = IssueSort::Updated;

pub fn sort_issues(issues: &mut [&Issue], sort: IssueSort, order: SortOrder) {
    issues.sort_by(|a, b| {
        let ordering = compare(a, b, sort).then_with(|| a.id.cmp(&b.id));
        match order {
            SortOrder::Asc => ordering,
            SortOrder::Desc => ordering.reverse(),
        }
    });
}

fn compare(a: &Issue, b: &Issue, sort: IssueSort) -> Ordering {
    fn first_name<I>(named: &[crate::domain::issue::Named<I>]) -> Option<&str> {
        named.first().map(|n| n.name.as_str())
    }
    match sort {
        IssueSort::IssueType => a.issue_type.name.cmp(&b.issue_type.name),
        IssueSort::Category => first_name(&a.categories).cmp(&first_name(&b.categories)),
        IssueSort::Version => first_name(&a.versions).cmp(&first_name(&b.versions)),
        IssueSort::Milestone => first_name(&a.milestones).cmp(&first_name(&b.milestones)),
        IssueSort::Summary => a.summary.cmp(&b.summary),
        IssueSort::Status => a.status.id.cmp(&b.status.id),
        // Priority ids run High 2 → Low 4; sorting by priority puts High first.
        IssueSort::Priority => b
            .priority
            .as_ref()
            .map(|p| p.id)
            .cmp(&a.priority.as_ref().map(|p| p.id)),
        IssueSort::Attachment => a.attachments.len().cmp(&b.attachments.len()),
        IssueSort::SharedFile | IssueSort::ChildIssue => Ordering::Equal,
        IssueSort::Created => a.created.cmp(&b.created),
        IssueSort::CreatedUser => user_name(&a.created_user).cmp(&user_name(&b.created_user)),
        IssueSort::Updated => a
            .updated
            .unwrap_or(a.created)
            .cmp(&b.updated.unwrap_or(b.created)),
        IssueSort::UpdatedUser => user_name(&a.updated_user).cmp(&user_name(&b.updated_user)),
        IssueSort::Assignee => user_name(&a.assignee).cmp(&user_name(&b.assignee)),
        IssueSort::StartDate => a.start_date.cmp(&b.start_date),
        IssueSort::DueDate => a.due_date.cmp(&b.due_date),
        IssueSort::EstimatedHours => a
            .estimated_hours
            .partial_cmp(&b.estimated_hours)
            .unwrap_or(Ordering::Equal),
        IssueSort::ActualHours => a
            .actual_hours
            .partial_cmp(&b.actual_hours)
            .unwrap_or(Ordering::Equal),
        IssueSort::CustomField(id) => {
            let value = |issue: &Issue| {
                issue
                    .custom_fields
                    .iter()
                    .find(|v| v.id == id)
                    .map(|v| sortable(&v.value))
            };
            value(a).cmp(&value(b))
        }
    }
}

fn user_name(user: &Option<crate::domain::user::UserRef>) -> Option<&str> {
    user.as_ref().map(|u| u.name.as_str())
}

fn sortable(content: &CustomFieldContent) -> String {
    match content {
        CustomFieldContent::Empty => String::new(),
        CustomFieldContent::Text(t) => t.clone(),
        CustomFieldContent::Number(n) => format!("{n:020.6}"),
        CustomFieldContent::Date(d) => d.to_string(),
        CustomFieldContent::Items(items) => {
            items.first().map(|i| i.name.clone()).unwrap_or_default()
        }
    }
}
