//! New issues, issue updates and comments as Backlog's form bodies.
//!
//! On update an absent parameter leaves the attribute alone, an empty value
//! clears it (`assigneeId=`), and an empty list is one `categoryId[]=` pair.

use super::custom_field_params::push_custom_fields;
use super::params::Params;
use crate::domain::changes::{IssueUpdate, NewComment, NewIssue};

/// `POST /issues`.
pub fn new_issue_form(issue: &NewIssue) -> Params {
    let mut form = Params::new();
    form.push("projectId", issue.project_id)
        .push("summary", &issue.summary)
        .push("issueTypeId", issue.issue_type_id)
        .push("priorityId", issue.priority_id)
        .push_opt("description", issue.description.as_deref())
        .push_date("startDate", issue.start_date)
        .push_date("dueDate", issue.due_date)
        .push_opt("estimatedHours", issue.estimated_hours)
        .push_opt("actualHours", issue.actual_hours)
        .push_array("categoryId", &issue.category_ids)
        .push_array("versionId", &issue.version_ids)
        .push_array("milestoneId", &issue.milestone_ids)
        .push_opt("assigneeId", issue.assignee_id)
        .push_array("notifiedUserId", &issue.notified_user_ids)
        .push_array("attachmentId", &issue.attachment_ids)
        .push_opt("parentIssueId", issue.parent_issue_id);
    push_custom_fields(&mut form, &issue.custom_fields);
    form
}

/// `PATCH /issues/:issueIdOrKey`: only what the update names.
pub fn issue_update_form(update: &IssueUpdate) -> Params {
    let mut form = Params::new();
    form.push_opt("summary", update.summary.as_deref())
        .push_opt("issueTypeId", update.issue_type_id)
        .push_opt("priorityId", update.priority_id)
        .push_opt("description", update.description.as_deref())
        .push_opt("statusId", update.status_id)
        .push_change("resolutionId", &update.resolution_id)
        .push_change("assigneeId", &update.assignee_id)
        .push_change("startDate", &update.start_date)
        .push_change("dueDate", &update.due_date)
        .push_change("estimatedHours", &update.estimated_hours)
        .push_change("actualHours", &update.actual_hours)
        .push_list_change("categoryId", update.category_ids.as_deref())
        .push_list_change("versionId", update.version_ids.as_deref())
        .push_list_change("milestoneId", update.milestone_ids.as_deref())
        .push_change("parentIssueId", &update.parent_issue_id)
        .push_array("notifiedUserId", &update.notified_user_ids)
        .push_array("attachmentId", &update.attachment_ids);
    push_custom_fields(&mut form, &update.custom_fields);
    form.push_opt("comment", update.comment.as_deref());
    form
}

/// `POST /issues/:issueIdOrKey/comments`.
pub fn new_comment_form(comment: &NewComment) -> Params {
    let mut form = Params::new();
    form.push("content", &comment.content)
        .push_array("notifiedUserId", &comment.notified_user_ids)
        .push_array("attachmentId", &comment.attachment_ids);
    form
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::changes::Change;
    use crate::domain::ids::{CategoryId, ResolutionId, UserId};

    #[test]
    fn an_empty_update_sends_nothing() {
        assert!(issue_update_form(&IssueUpdate::default()).is_empty());
    }

    #[test]
    fn an_update_sends_only_what_changes_and_clears_with_empty_values() {
        let update = IssueUpdate {
            resolution_id: Change::Set(ResolutionId::new(0).unwrap()),
            assignee_id: Change::Clear,
            estimated_hours: Change::Clear,
            actual_hours: Change::Set(2.25),
            category_ids: Some(vec![]),
            version_ids: Some(vec![]),
            notified_user_ids: vec![UserId::new(5).unwrap()],
            comment: Some("done".into()),
            ..IssueUpdate::default()
        };
        assert_eq!(
            issue_update_form(&update).rendered(),
            [
                "resolutionId=0",
                "assigneeId=",
                "estimatedHours=",
                "actualHours=2.25",
                "categoryId[]=",
                "versionId[]=",
                "notifiedUserId[]=5",
                "comment=done",
            ]
        );
        let set = IssueUpdate {
            category_ids: Some(vec![CategoryId::new(3).unwrap()]),
            ..IssueUpdate::default()
        };
        assert_eq!(issue_update_form(&set).rendered(), ["categoryId[]=3"]);
    }
}
