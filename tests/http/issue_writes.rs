//! Issue and comment writes: form bodies, clears, custom fields, 201 answers.

use crate::support::{
    COMMENT_JSON, FORM, ISSUE_JSON, client_for, json_answer, only_request, pairs,
};
use backlog_mcp::domain::backlog_error::BacklogError;
use backlog_mcp::domain::calendar_date::CalendarDate;
use backlog_mcp::domain::changes::{Change, IssueUpdate, NewComment, NewIssue};
use backlog_mcp::domain::custom_field::{CustomFieldInput, CustomFieldSetting};
use backlog_mcp::domain::ids::{
    AttachmentId, CategoryId, CommentId, CustomFieldId, IssueId, IssueTypeId, PriorityId,
    ProjectId, ResolutionId, StatusId, UserId, VersionId,
};
use backlog_mcp::domain::keys::IssueKey;
use backlog_mcp::ports::{CommentRepository, IssueRef, IssueRepository};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer};

fn web_42() -> IssueRef {
    IssueRef::Key(IssueKey::parse("WEB-42").unwrap())
}

fn date(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

fn field(id: i64, value: CustomFieldInput, other: Option<&str>) -> CustomFieldSetting {
    CustomFieldSetting {
        id: CustomFieldId::new(id).unwrap(),
        value,
        other_value: other.map(str::to_owned),
    }
}

async fn serving(verb: &str, at: &str, status: u16, body: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method(verb))
        .and(path(at))
        .respond_with(json_answer(status, body))
        .expect(1)
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn add_issue_posts_a_form_with_arrays_dates_and_custom_fields_and_reads_the_201() {
    let server = serving("POST", "/api/v2/issues", 201, ISSUE_JSON).await;
    let issue = NewIssue {
        project_id: ProjectId::new(1_073_900_100).unwrap(),
        summary: "ログインボタンが反応しない & more".into(),
        issue_type_id: IssueTypeId::new(1_074_000_010).unwrap(),
        priority_id: PriorityId::new(2).unwrap(),
        description: Some("Steps:\n1. ...".into()),
        start_date: Some(date("2024-06-03")),
        due_date: Some(date("2024-06-07")),
        estimated_hours: Some(4.5),
        actual_hours: None,
        category_ids: vec![CategoryId::new(11).unwrap(), CategoryId::new(12).unwrap()],
        version_ids: vec![],
        milestone_ids: vec![VersionId::new(1_074_200_007).unwrap()],
        assignee_id: Some(UserId::new(1_073_800_012).unwrap()),
        notified_user_ids: vec![UserId::new(7).unwrap(), UserId::new(8).unwrap()],
        attachment_ids: vec![AttachmentId::new(901).unwrap()],
        parent_issue_id: Some(IssueId::new(1_075_000_100).unwrap()),
        custom_fields: vec![
            field(1, CustomFieldInput::Text("Safari 17".into()), None),
            field(3, CustomFieldInput::Number(3.0), None),
            field(4, CustomFieldInput::Date(date("2024-06-10")), None),
            field(5, CustomFieldInput::Items(vec![2]), None),
            field(7, CustomFieldInput::Items(vec![1, 3]), Some("Linux")),
        ],
    };
    let created = client_for(&server).add_issue(&issue).await.unwrap();
    assert_eq!(created.key.to_string(), "WEB-42");
    assert_eq!(created.status.name, "In Progress");

    let sent = only_request(&server).await;
    assert_eq!(sent.method, "POST");
    assert_eq!(sent.path, "/api/v2/issues");
    assert_eq!(sent.content_type.as_deref(), Some(FORM));
    assert!(sent.query.is_empty());
    assert_eq!(
        sent.form,
        pairs(&[
            ("projectId", "1073900100"),
            ("summary", "ログインボタンが反応しない & more"),
            ("issueTypeId", "1074000010"),
            ("priorityId", "2"),
            ("description", "Steps:\n1. ..."),
            ("startDate", "2024-06-03"),
            ("dueDate", "2024-06-07"),
            ("estimatedHours", "4.5"),
            ("categoryId[]", "11"),
            ("categoryId[]", "12"),
            ("milestoneId[]", "1074200007"),
            ("assigneeId", "1073800012"),
            ("notifiedUserId[]", "7"),
            ("notifiedUserId[]", "8"),
            ("attachmentId[]", "901"),
            ("parentIssueId", "1075000100"),
            ("customField_1", "Safari 17"),
            ("customField_3", "3"),
            ("customField_4", "2024-06-10"),
            ("customField_5", "2"),
            ("customField_7[0]", "1"),
            ("customField_7[1]", "3"),
            ("customField_7_otherValue", "Linux"),
        ])
    );
    assert!(!sent.raw_body.contains("customField_7%5B%5D"));
    assert!(sent.raw_body.contains("customField_7%5B0%5D=1"));
}

#[tokio::test]
async fn update_issue_patches_only_the_changes_and_clears_with_empty_values() {
    let server = serving("PATCH", "/api/v2/issues/WEB-42", 200, ISSUE_JSON).await;
    let update = IssueUpdate {
        summary: Some("New summary".into()),
        status_id: Some(StatusId::new(4).unwrap()),
        resolution_id: Change::Set(ResolutionId::new(0).unwrap()),
        assignee_id: Change::Clear,
        start_date: Change::Keep,
        due_date: Change::Clear,
        estimated_hours: Change::Clear,
        actual_hours: Change::Set(1.25),
        category_ids: Some(vec![]),
        version_ids: None,
        milestone_ids: Some(vec![VersionId::new(9).unwrap()]),
        parent_issue_id: Change::Clear,
        custom_fields: vec![
            field(5, CustomFieldInput::Clear, None),
            field(6, CustomFieldInput::Items(vec![1, 2]), None),
            field(7, CustomFieldInput::Unchanged, Some("other text")),
        ],
        comment: Some("Closing: fixed in 2.3".into()),
        ..IssueUpdate::default()
    };
    let issue = client_for(&server)
        .update_issue(&web_42(), &update)
        .await
        .unwrap();
    assert_eq!(issue.key.to_string(), "WEB-42");

    let sent = only_request(&server).await;
    assert_eq!(sent.method, "PATCH");
    assert_eq!(sent.content_type.as_deref(), Some(FORM));
    assert_eq!(
        sent.form,
        pairs(&[
            ("summary", "New summary"),
            ("statusId", "4"),
            ("resolutionId", "0"),
            ("assigneeId", ""),
            ("dueDate", ""),
            ("estimatedHours", ""),
            ("actualHours", "1.25"),
            ("categoryId[]", ""),
            ("milestoneId[]", "9"),
            ("parentIssueId", ""),
            ("customField_5", ""),
            ("customField_6[0]", "1"),
            ("customField_6[1]", "2"),
            ("customField_7_otherValue", "other text"),
            ("comment", "Closing: fixed in 2.3"),
        ])
    );
    assert!(sent.raw_body.contains("categoryId%5B%5D=&"));
}

#[tokio::test]
async fn delete_issue_sends_a_bare_delete_and_returns_the_deleted_issue() {
    let server = serving("DELETE", "/api/v2/issues/WEB-42", 200, ISSUE_JSON).await;
    let deleted = client_for(&server).delete_issue(&web_42()).await.unwrap();
    assert_eq!(deleted.summary, "ログインボタンが反応しない");
    let sent = only_request(&server).await;
    assert_eq!(sent.method, "DELETE");
    assert!(sent.raw_body.is_empty() && sent.content_type.is_none());
}

#[tokio::test]
async fn a_failed_write_is_not_retried() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .respond_with(json_answer(
            500,
            r#"{"errors":[{"message":"boom","code":1,"moreInfo":""}]}"#,
        ))
        .mount(&server)
        .await;
    let error = client_for(&server)
        .delete_issue(&web_42())
        .await
        .unwrap_err();
    assert!(matches!(
        error,
        BacklogError::ServerError { attempts: 1, .. }
    ));
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn add_comment_posts_content_and_notifications_and_reads_the_201() {
    let server = serving("POST", "/api/v2/issues/WEB-42/comments", 201, COMMENT_JSON).await;
    let comment = NewComment {
        content: "Reproduced on Safari 17.".into(),
        notified_user_ids: vec![UserId::new(7).unwrap()],
        attachment_ids: vec![AttachmentId::new(3).unwrap(), AttachmentId::new(4).unwrap()],
    };
    let added = client_for(&server)
        .add_comment(&web_42(), &comment)
        .await
        .unwrap();
    assert_eq!(added.id.get(), 6_586_001);
    assert_eq!(added.content, "Reproduced on Safari 17.");
    assert!(added.change_log.is_empty());
    assert_eq!(
        only_request(&server).await.form,
        pairs(&[
            ("content", "Reproduced on Safari 17."),
            ("notifiedUserId[]", "7"),
            ("attachmentId[]", "3"),
            ("attachmentId[]", "4"),
        ])
    );
}

#[tokio::test]
async fn update_comment_patches_the_content_and_names_a_missing_comment() {
    let server = serving(
        "PATCH",
        "/api/v2/issues/WEB-42/comments/6586001",
        200,
        COMMENT_JSON,
    )
    .await;
    let updated = client_for(&server)
        .update_comment(&web_42(), CommentId::new(6_586_001).unwrap(), "edited")
        .await
        .unwrap();
    assert_eq!(updated.id.get(), 6_586_001);
    assert_eq!(
        only_request(&server).await.form,
        pairs(&[("content", "edited")])
    );

    let missing = serving(
        "PATCH",
        "/api/v2/issues/WEB-42/comments/9",
        404,
        r#"{"errors":[{"message":"No comment.","code":6,"moreInfo":""}]}"#,
    )
    .await;
    let error = client_for(&missing)
        .update_comment(&web_42(), CommentId::new(9).unwrap(), "x")
        .await
        .unwrap_err();
    assert_eq!(
        error,
        BacklogError::NotFound {
            what: "comment 9 of issue WEB-42".into(),
            message: "No comment.".into()
        }
    );
}

#[tokio::test]
async fn related_issues_are_listed_linked_and_unlinked() {
    let server = MockServer::start().await;
    let related = ISSUE_JSON.replacen("{", r#"{"type": "RELATES", "#, 1);
    Mock::given(method("GET"))
        .and(path("/api/v2/issues/WEB-42/relatedIssues"))
        .respond_with(json_answer(200, &format!("[{related}]")))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v2/issues/WEB-42/relatedIssues"))
        .respond_with(json_answer(200, &related))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/api/v2/issues/WEB-42/relatedIssues/1075000123"))
        .respond_with(json_answer(200, &related))
        .mount(&server)
        .await;
    let client = client_for(&server);
    let target = IssueId::new(1_075_000_123).unwrap();
    assert_eq!(client.related_issues(&web_42()).await.unwrap().len(), 1);
    assert_eq!(
        client
            .add_related_issue(&web_42(), target)
            .await
            .unwrap()
            .id,
        target
    );
    assert_eq!(
        client
            .remove_related_issue(&web_42(), target)
            .await
            .unwrap()
            .id,
        target
    );
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 3);
    assert_eq!(requests[1].body, b"targetIssueId=1075000123");
    assert!(requests[2].body.is_empty());
}
