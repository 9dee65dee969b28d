//! Creating, changing and deleting issues.

use crate::backends::Backlog;
use crate::support::{add_issue, bad_request, by_key, me, new_issue, not_found, project_ref};
use backlog_mcp::domain::changes::{Change, IssueUpdate};
use backlog_mcp::domain::ids::IssueTypeId;
use backlog_mcp::domain::issue_filter::{PageSize, SortOrder};
use backlog_mcp::ports::CommentPage;

pub async fn a_new_issue_starts_open_and_is_mine(b: &dyn Backlog) {
    let me = me(b).await;
    let issue = add_issue(b, "WEB", "Created by the contract").await;
    assert_eq!(issue.key.project().as_str(), "WEB");
    assert_eq!(issue.status.name, "Open");
    assert_eq!(issue.summary, "Created by the contract");
    assert_eq!(issue.created_user.as_ref().map(|u| u.id), Some(me));
    assert_eq!(b.issue(&by_key(&issue)).await.unwrap(), issue);
}

pub async fn a_new_issue_of_an_unknown_type_is_refused(b: &dyn Backlog) {
    let mut issue = new_issue(b, "WEB", "Wrong type").await;
    issue.issue_type_id = IssueTypeId::new(987_654_321).unwrap();
    bad_request(b.add_issue(&issue).await);
}

pub async fn an_update_records_its_change_log_with_the_comment(b: &dyn Backlog) {
    let issue = add_issue(b, "WEB", "To be moved").await;
    let statuses = b.statuses(&project_ref("WEB")).await.unwrap();
    let next = statuses
        .iter()
        .find(|s| s.id != issue.status.id && !s.is_closed())
        .unwrap();
    let update = IssueUpdate {
        status_id: Some(next.id),
        comment: Some("Moving on".to_owned()),
        ..IssueUpdate::default()
    };
    let updated = b.update_issue(&by_key(&issue), &update).await.unwrap();
    assert_eq!(updated.status.id, next.id);
    let page = CommentPage {
        min_id: None,
        max_id: None,
        count: PageSize::new(1).unwrap(),
        order: SortOrder::Desc,
    };
    let newest = b.comments(&by_key(&issue), page).await.unwrap();
    assert_eq!(newest[0].content, "Moving on");
    let status = newest[0]
        .change_log
        .iter()
        .find(|e| e.field == "status")
        .unwrap();
    assert_eq!(status.original_value.as_deref(), Some("Open"));
    assert_eq!(status.new_value.as_deref(), Some(next.name.as_str()));
}

pub async fn clearing_a_list_field_with_an_empty_array(b: &dyn Backlog) {
    let issue = add_issue(b, "WEB", "Categorised").await;
    let category = b.categories(&project_ref("WEB")).await.unwrap()[0].id;
    let set = IssueUpdate {
        category_ids: Some(vec![category]),
        ..IssueUpdate::default()
    };
    let with = b.update_issue(&by_key(&issue), &set).await.unwrap();
    assert_eq!(
        with.categories.iter().map(|c| c.id).collect::<Vec<_>>(),
        [category]
    );
    let clear = IssueUpdate {
        category_ids: Some(vec![]),
        ..IssueUpdate::default()
    };
    let without = b.update_issue(&by_key(&issue), &clear).await.unwrap();
    assert!(without.categories.is_empty());
}

pub async fn clearing_the_assignee_and_a_date(b: &dyn Backlog) {
    let me = me(b).await;
    let mut new = new_issue(b, "WEB", "Assigned").await;
    new.assignee_id = Some(me);
    new.due_date =
        Some(backlog_mcp::domain::calendar_date::CalendarDate::parse("2030-02-01").unwrap());
    let issue = b.add_issue(&new).await.unwrap();
    assert_eq!(issue.assignee.as_ref().map(|a| a.id), Some(me));
    let clear = IssueUpdate {
        assignee_id: Change::Clear,
        due_date: Change::Clear,
        ..IssueUpdate::default()
    };
    let cleared = b.update_issue(&by_key(&issue), &clear).await.unwrap();
    assert_eq!(cleared.assignee, None);
    assert_eq!(cleared.due_date, None);
    not_found(
        b.update_issue(&crate::support::issue_ref("WEB-99999"), &clear)
            .await,
    );
}

pub async fn a_deleted_issue_is_gone(b: &dyn Backlog) {
    let issue = add_issue(b, "APP", "Short-lived").await;
    let deleted = b.delete_issue(&by_key(&issue)).await.unwrap();
    assert_eq!(deleted.id, issue.id);
    not_found(b.issue(&by_key(&issue)).await);
    not_found(b.delete_issue(&by_key(&issue)).await);
}

/// Backlog's change-log field names: `component` for categories, `assigner` for
/// the assignee, `limitDate` for the due date. An empty value is no value.
pub async fn every_changed_field_is_in_the_change_log(b: &dyn Backlog) {
    let issue = add_issue(b, "WEB", "Everything changes").await;
    let web = project_ref("WEB");
    let users = b.project_users(&web).await.unwrap();
    let types = b.issue_types(&web).await.unwrap();
    let statuses = b.statuses(&web).await.unwrap();
    let categories = b.categories(&web).await.unwrap();
    let versions = b.versions(&web).await.unwrap();
    let day = |text| backlog_mcp::domain::calendar_date::CalendarDate::parse(text).unwrap();
    let update = IssueUpdate {
        summary: Some("Everything changed".to_owned()),
        description: Some("Now described".to_owned()),
        issue_type_id: Some(
            types
                .iter()
                .find(|t| t.id != issue.issue_type.id)
                .unwrap()
                .id,
        ),
        priority_id: Some(backlog_mcp::domain::ids::PriorityId::new(2).unwrap()),
        status_id: Some(statuses[1].id),
        resolution_id: Change::Set(backlog_mcp::domain::ids::ResolutionId::new(0).unwrap()),
        assignee_id: Change::Set(users[0].id),
        start_date: Change::Set(day("2030-01-01")),
        due_date: Change::Set(day("2030-02-01")),
        estimated_hours: Change::Set(2.5),
        actual_hours: Change::Set(1.0),
        category_ids: Some(vec![categories[0].id]),
        version_ids: Some(vec![versions[0].id]),
        milestone_ids: Some(vec![versions[1].id]),
        ..IssueUpdate::default()
    };
    b.update_issue(&by_key(&issue), &update).await.unwrap();
    let page = CommentPage {
        min_id: None,
        max_id: None,
        count: PageSize::new(1).unwrap(),
        order: SortOrder::Desc,
    };
    let comment = b.comments(&by_key(&issue), page).await.unwrap().remove(0);
    let mut fields: Vec<&str> = comment
        .change_log
        .iter()
        .map(|e| e.field.as_str())
        .collect();
    fields.sort_unstable();
    assert_eq!(
        fields,
        [
            "actualHours",
            "assigner",
            "component",
            "description",
            "estimatedHours",
            "issueType",
            "limitDate",
            "milestone",
            "priority",
            "resolution",
            "startDate",
            "status",
            "summary",
            "version"
        ]
    );
    let description = comment
        .change_log
        .iter()
        .find(|e| e.field == "description")
        .unwrap();
    assert_eq!(description.original_value, None);
    assert_eq!(description.new_value.as_deref(), Some("Now described"));
}
