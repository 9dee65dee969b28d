//! Creating, changing and deleting issues.

use crate::backends::Backlog;
use crate::support::{add_issue, bad_request, by_key, me, new_issue, not_found, project_ref};
use backlog_mcp::domain::changes::{Change, IssueUpdate};
use backlog_mcp::domain::ids::IssueTypeId;
use backlog_mcp::domain::issue_filter::{IssueFilter, IssueQuery, PageSize, SortOrder};
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

/// Every value of a new issue comes back, ids with their names.
pub async fn a_new_issue_keeps_every_value_given(b: &dyn Backlog) {
    let me = me(b).await;
    let web = project_ref("WEB");
    let parent = add_issue(b, "WEB", "Parent").await;
    let types = b.issue_types(&web).await.unwrap();
    let categories = b.categories(&web).await.unwrap();
    let versions = b.versions(&web).await.unwrap();
    let day = |text| backlog_mcp::domain::calendar_date::CalendarDate::parse(text).unwrap();
    let mut new = new_issue(b, "WEB", "Everything given").await;
    new.issue_type_id = types[1].id;
    new.priority_id = backlog_mcp::domain::ids::PriorityId::new(2).unwrap();
    new.description = Some("All of it".to_owned());
    new.assignee_id = Some(me);
    new.category_ids = vec![categories[1].id];
    new.milestone_ids = vec![versions[0].id];
    new.version_ids = vec![versions[1].id];
    new.start_date = Some(day("2030-12-01"));
    new.due_date = Some(day("2030-12-04"));
    new.estimated_hours = Some(6.0);
    new.actual_hours = Some(1.5);
    new.parent_issue_id = Some(parent.id);
    let created = b.add_issue(&new).await.unwrap();
    assert_eq!(created.issue_type.name, types[1].name);
    assert_eq!(
        created.priority.as_ref().map(|p| p.name.as_str()),
        Some("High")
    );
    assert_eq!(created.description, "All of it");
    assert_eq!(created.assignee.as_ref().map(|u| u.id), Some(me));
    assert_eq!(created.categories[0].name, categories[1].name);
    assert_eq!(created.milestones[0].name, versions[0].name);
    assert_eq!(created.versions[0].name, versions[1].name);
    assert_eq!(
        (
            created.categories.len(),
            created.milestones.len(),
            created.versions.len()
        ),
        (1, 1, 1)
    );
    assert_eq!(
        (created.start_date, created.due_date),
        (new.start_date, new.due_date)
    );
    assert_eq!(
        (created.estimated_hours, created.actual_hours),
        (Some(6.0), Some(1.5))
    );
    assert_eq!(created.parent_issue_id, Some(parent.id));
    assert_eq!(created.resolution, None);
    assert_eq!(created.updated, Some(created.created));
    assert_eq!(created.updated_user, created.created_user);
    assert!(created.created >= parent.created);
    assert_eq!(b.issue(&by_key(&created)).await.unwrap(), created);
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
    let moved = IssueFilter {
        status_ids: vec![next.id],
        keyword: Some("To be moved".to_owned()),
        ..IssueFilter::default()
    };
    let found = b.issues(&IssueQuery::first_page(moved)).await.unwrap();
    assert_eq!(
        found,
        std::slice::from_ref(&updated),
        "found by its new status"
    );
    let newest = b
        .issues(&IssueQuery::first_page(IssueFilter::default()))
        .await
        .unwrap();
    assert_eq!(newest[0].id, issue.id, "the latest update lists first");
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
    let parent = add_issue(b, "WEB", "A parent").await;
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
        parent_issue_id: Change::Set(parent.id),
        ..IssueUpdate::default()
    };
    let updated = b.update_issue(&by_key(&issue), &update).await.unwrap();
    assert_eq!(updated.created, issue.created);
    let resolution = updated.resolution.as_ref().map(|r| r.name.as_str());
    assert_eq!(resolution, Some("Fixed"));
    assert_eq!(updated.versions[0].name, versions[0].name);
    assert_eq!(
        updated.updated_user.as_ref().map(|u| u.id),
        Some(me(b).await)
    );
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
            "parentIssue",
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
    // Values are shown as Backlog shows them: names, days, hours, keys.
    let value = |field: &str| {
        let entry = comment
            .change_log
            .iter()
            .find(|e| e.field == field)
            .unwrap();
        entry.new_value.clone().unwrap()
    };
    assert_eq!(value("priority"), "High");
    assert_eq!(value("status"), statuses[1].name);
    assert_eq!(value("resolution"), "Fixed");
    assert_eq!(value("assigner"), users[0].name);
    assert_eq!(value("component"), categories[0].name);
    assert_eq!(value("milestone"), versions[1].name);
    assert_eq!(value("limitDate"), "2030-02-01");
    assert_eq!(value("estimatedHours"), "2.5");
    assert_eq!(value("actualHours"), "1");
    assert_eq!(value("parentIssue"), parent.key.to_string());
    let activity = b
        .space_activities(&crate::activities::query(vec![], 1))
        .await
        .unwrap()
        .remove(0);
    assert_eq!(activity.type_id, 2);
    assert_eq!(activity.content.changes, comment.change_log);
    let unresolve = IssueUpdate {
        resolution_id: Change::Clear,
        ..IssueUpdate::default()
    };
    let unresolved = b.update_issue(&by_key(&issue), &unresolve).await.unwrap();
    assert_eq!(unresolved.resolution, None);
}

crate::contract! {
    a_new_issue_starts_open_and_is_mine [add_issue]
    a_new_issue_of_an_unknown_type_is_refused [add_issue]
    an_update_records_its_change_log_with_the_comment [update_issue, comments]
    clearing_a_list_field_with_an_empty_array [update_issue]
    clearing_the_assignee_and_a_date [update_issue]
    a_deleted_issue_is_gone [delete_issue]
    every_changed_field_is_in_the_change_log [update_issue, comments]
    a_new_issue_keeps_every_value_given [add_issue]
}
