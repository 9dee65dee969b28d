use super::{
    MYSELF, SATO, bad_request, demo, entry, issue, key, keys_matching, newest_activity, user,
};
use crate::domain::calendar_date::CalendarDate;
use crate::domain::changes::{Change, IssueUpdate};
use crate::domain::custom_field::{CustomFieldInput, CustomFieldSetting};
use crate::domain::ids::{
    CustomFieldId, IssueTypeId, PriorityId, ResolutionId, StatusId, VersionId,
};
use crate::domain::issue_filter::{IssueFilter, PageSize, SortOrder};
use crate::ports::{CommentPage, CommentRepository, IssueRepository};

fn day(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

fn setting(id: i64, value: CustomFieldInput) -> CustomFieldSetting {
    CustomFieldSetting {
        id: CustomFieldId::new(id).unwrap(),
        value,
        other_value: None,
    }
}

async fn last_comment(
    backlog: &super::MemoryBacklog,
    key_text: &str,
) -> crate::domain::comment::Comment {
    let page = CommentPage {
        min_id: None,
        max_id: None,
        count: PageSize::new(1).unwrap(),
        order: SortOrder::Desc,
    };
    backlog
        .comments(&key(key_text), page)
        .await
        .unwrap()
        .remove(0)
}

#[tokio::test]
async fn an_update_records_each_changed_field_with_display_values() {
    let backlog = demo();
    let before = issue(&backlog, "WEB-4").await;
    let update = IssueUpdate {
        priority_id: Some(PriorityId::new(2).unwrap()),
        status_id: Some(StatusId::new(2).unwrap()),
        assignee_id: Change::Set(user(SATO)),
        due_date: Change::Set(day("2026-11-30")),
        milestone_ids: Some(vec![VersionId::new(403).unwrap()]),
        category_ids: Some(vec![]),
        estimated_hours: Change::Clear,
        actual_hours: Change::Set(1.5),
        parent_issue_id: Change::Clear,
        custom_fields: vec![setting(601, CustomFieldInput::Number(3.0))],
        comment: Some("Moving this to the next sprint.".into()),
        ..IssueUpdate::default()
    };
    let after = backlog.update_issue(&key("WEB-4"), &update).await.unwrap();
    assert_eq!(after.status.name, "In Progress");
    assert_eq!(
        after.assignee.as_ref().map(|u| u.name.as_str()),
        Some("Taro Sato")
    );
    assert!(after.categories.is_empty());
    assert_eq!(after.estimated_hours, None);
    assert_eq!(after.parent_issue_id, None);
    assert!(after.updated > before.updated);
    assert_eq!(
        after.updated_user.as_ref().map(|u| u.id),
        Some(user(MYSELF))
    );
    assert_eq!(after.created, before.created);
    assert_eq!(issue(&backlog, "WEB-4").await, after);

    let comment = last_comment(&backlog, "WEB-4").await;
    assert_eq!(comment.id.get(), 9016);
    assert_eq!(comment.content, "Moving this to the next sprint.");
    assert_eq!(comment.created, after.updated.unwrap());
    assert_eq!(
        comment.created_user.as_ref().map(|u| u.id),
        Some(user(MYSELF))
    );
    assert_eq!(
        comment.change_log,
        [
            entry("priority", Some("Low"), Some("High")),
            entry("status", Some("Open"), Some("In Progress")),
            entry("assigner", Some("Aiko Tanaka"), Some("Taro Sato")),
            entry("component", Some("Frontend"), None),
            entry("milestone", Some("Sprint 42"), Some("Sprint 43")),
            entry("limitDate", Some("2026-11-27"), Some("2026-11-30")),
            entry("estimatedHours", Some("8"), None),
            entry("actualHours", None, Some("1.5")),
            entry("parentIssue", Some("WEB-1"), None),
            entry("Story points", None, Some("3")),
        ]
    );
    let activity = newest_activity(&backlog).await;
    assert_eq!(activity.type_id, 2);
    assert_eq!(activity.content.issue_number, Some(4));
    assert_eq!(
        activity.content.comment.as_deref(),
        Some("Moving this to the next sprint.")
    );
    assert_eq!(activity.content.changes, comment.change_log);
}

#[tokio::test]
async fn updated_issues_are_found_with_their_new_values() {
    let backlog = demo();
    let update = IssueUpdate {
        status_id: Some(StatusId::new(10001).unwrap()),
        summary: Some("Lazy-load the news section and the footer".into()),
        ..IssueUpdate::default()
    };
    backlog.update_issue(&key("WEB-4"), &update).await.unwrap();
    let in_review = IssueFilter {
        status_ids: vec![StatusId::new(10001).unwrap()],
        keyword: Some("and the footer".into()),
        ..IssueFilter::default()
    };
    assert_eq!(keys_matching(&backlog, in_review).await, ["WEB-4"]);
    assert_eq!(
        keys_matching(&backlog, IssueFilter::default()).await[0],
        "WEB-4"
    );
}

#[tokio::test]
async fn clear_and_empty_lists_empty_the_attributes() {
    let backlog = demo();
    let update = IssueUpdate {
        assignee_id: Change::Clear,
        start_date: Change::Clear,
        due_date: Change::Clear,
        milestone_ids: Some(vec![]),
        category_ids: Some(vec![]),
        version_ids: Some(vec![]),
        custom_fields: vec![
            setting(602, CustomFieldInput::Clear),
            setting(604, CustomFieldInput::Text(String::new())),
        ],
        ..IssueUpdate::default()
    };
    let after = backlog.update_issue(&key("WEB-5"), &update).await.unwrap();
    assert_eq!(after.assignee, None);
    assert_eq!((after.start_date, after.due_date), (None, None));
    assert!(after.milestones.is_empty() && after.categories.is_empty());
    let names: Vec<_> = after
        .custom_fields
        .iter()
        .map(|v| v.name.as_str())
        .collect();
    assert_eq!(names, ["Story points", "Platforms"]);
    let log = last_comment(&backlog, "WEB-5").await.change_log;
    assert_eq!(
        log,
        [
            entry("assigner", Some("Taro Sato"), None),
            entry("component", Some("Frontend"), None),
            entry("milestone", Some("Sprint 42"), None),
            entry("startDate", Some("2026-11-16"), None),
            entry("limitDate", Some("2026-11-20"), None),
            entry("Browser", Some("Safari"), None),
            entry("Customer", Some("山田商事"), None),
        ]
    );
}

#[tokio::test]
async fn an_update_without_changes_still_leaves_a_comment_and_bumps_updated() {
    let backlog = demo();
    let before = issue(&backlog, "WEB-2").await;
    let same = IssueUpdate {
        status_id: Some(before.status.id),
        ..IssueUpdate::default()
    };
    let after = backlog.update_issue(&key("WEB-2"), &same).await.unwrap();
    assert!(after.updated > before.updated);
    let comment = last_comment(&backlog, "WEB-2").await;
    assert_eq!(comment.content, "");
    assert!(comment.change_log.is_empty());
}

#[tokio::test]
async fn resolutions_descriptions_types_and_custom_fields_are_logged_by_name() {
    let backlog = demo();
    let update = IssueUpdate {
        resolution_id: Change::Set(ResolutionId::new(0).unwrap()),
        description: Some("Fixed by moving the handler.".into()),
        issue_type_id: Some(IssueTypeId::new(202).unwrap()),
        custom_fields: vec![setting(603, CustomFieldInput::Items(vec![1, 4]))],
        ..IssueUpdate::default()
    };
    let after = backlog.update_issue(&key("WEB-5"), &update).await.unwrap();
    assert_eq!(
        after.resolution.as_ref().map(|r| r.name.as_str()),
        Some("Fixed")
    );
    // "Browser" applies to bugs only: the value goes with the type change.
    assert!(after.custom_fields.iter().all(|v| v.name != "Browser"));
    let log = last_comment(&backlog, "WEB-5").await.change_log;
    assert_eq!(
        log,
        [
            entry(
                "description",
                Some(issue(&demo(), "WEB-5").await.description.as_str()),
                Some("Fixed by moving the handler.")
            ),
            entry("issueType", Some("Bug"), Some("Task")),
            entry("resolution", None, Some("Fixed")),
            entry("Browser", Some("Safari"), None),
            entry("Platforms", Some("macOS, iOS"), Some("Windows, Android")),
        ]
    );
    let cleared = IssueUpdate {
        resolution_id: Change::Clear,
        ..IssueUpdate::default()
    };
    let after = backlog.update_issue(&key("WEB-5"), &cleared).await.unwrap();
    assert_eq!(after.resolution, None);
}

#[tokio::test]
async fn a_required_field_cannot_be_cleared() {
    let mut space = demo().snapshot();
    space.projects[0].custom_fields[0].required = true;
    let backlog = super::MemoryBacklog::with_space(space);
    let update = IssueUpdate {
        custom_fields: vec![setting(601, CustomFieldInput::Clear)],
        ..IssueUpdate::default()
    };
    assert_eq!(
        bad_request(backlog.update_issue(&key("WEB-5"), &update).await),
        "customField_601 (Story points) is required."
    );
}
