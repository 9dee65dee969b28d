//! What Backlog sends about an issue beyond its fields: shared files, stars,
//! the child summary, custom field values of every type, comments' change
//! logs and notifications, and custom field definitions of every type.

use crate::support::{ISSUE_JSON, client_for, json_answer};
use backlog_mcp::domain::custom_field::{CustomFieldType, InitialDate, TypeSettings};
use backlog_mcp::domain::ids::{AttachmentId, SharedFileId};
use backlog_mcp::domain::issue::{ChildIssueSummary, CustomFieldContent, Named};
use backlog_mcp::domain::issue_filter::{PageSize, SortOrder};
use backlog_mcp::domain::keys::{IssueKey, ProjectKey};
use backlog_mcp::ports::{
    CommentPage, CommentRepository, CustomFieldRepository, IssueRef, IssueRepository, ProjectRef,
};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer};

const USER: &str = r#"{"id": 1073800012, "userId": "t.sato", "name": "Taro Sato", "roleType": 2, "lang": "en",
  "mailAddress": "t.sato@example.com", "nulabAccount": null, "lastLoginTime": null}"#;

async fn serving(at: &str, body: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(at))
        .respond_with(json_answer(200, body))
        .expect(1)
        .mount(&server)
        .await;
    server
}

fn web_42() -> IssueRef {
    IssueRef::Key(IssueKey::parse("WEB-42").unwrap())
}

/// The documented issue with two linked shared files (one a directory), three
/// stars, a child summary and a value for each custom field type.
fn rich_issue_json() -> String {
    let shared_files = format!(
        r#""sharedFiles": [
            {{"id": 454403, "type": "file", "dir": "/specs/", "name": "login-flow.pdf", "size": 30213,
              "createdUser": {USER}, "created": "2024-05-30T01:00:00Z", "updatedUser": null, "updated": "2024-05-30T01:00:00Z"}},
            {{"id": 454404, "type": "directory", "dir": "/design/", "name": "safari", "size": 0,
              "createdUser": {USER}, "created": "2024-05-30T01:00:00Z", "updatedUser": {USER}, "updated": "2024-05-31T01:00:00Z"}}],
          "stars": [
            {{"id": 75, "comment": null, "url": "https://acme.backlog.com/view/WEB-42", "title": "[WEB-42] Login", "presenter": {USER}, "created": "2024-06-02T00:00:00Z"}},
            {{"id": 76, "comment": "", "url": "https://acme.backlog.com/view/WEB-42", "title": "[WEB-42] Login", "presenter": {USER}, "created": "2024-06-02T01:00:00Z"}},
            {{"id": 77, "comment": "Great find", "url": "https://acme.backlog.com/view/WEB-42", "title": "[WEB-42] Login", "presenter": {USER}, "created": "2024-06-02T02:00:00Z"}}],
          "childIssueSummary": {{"total": 4, "closed": 1}}"#
    );
    let custom_fields = r#""customFields": [
        {"id": 1, "fieldTypeId": 1, "name": "Customer", "value": "ACME"},
        {"id": 2, "fieldTypeId": 2, "name": "Notes", "value": "line 1\nline 2"},
        {"id": 3, "fieldTypeId": 3, "name": "Story points", "value": 2.5},
        {"id": 4, "fieldTypeId": 4, "name": "Target", "value": "2024-06-20T00:00:00Z"},
        {"id": 5, "fieldTypeId": 5, "name": "Browser", "value": {"id": 2, "name": "Safari", "displayOrder": 1}},
        {"id": 6, "fieldTypeId": 6, "name": "Platforms", "value": [{"id": 1, "name": "macOS", "displayOrder": 0}, {"id": 3, "name": "iOS", "displayOrder": 2}]},
        {"id": 7, "fieldTypeId": 7, "name": "Devices", "value": [], "otherValue": "Smart TV"},
        {"id": 8, "fieldTypeId": 8, "name": "Severity", "value": {"id": 9, "name": "Major", "displayOrder": 1}, "otherValue": null},
        {"id": 9, "fieldTypeId": 5, "name": "Unset list", "value": null},
        {"id": 10, "fieldTypeId": 1, "name": "Cleared text", "value": ""},
        {"id": 11, "fieldTypeId": 7, "name": "Unset boxes", "value": [], "otherValue": null},
        {"id": 12, "fieldTypeId": 8, "name": "Unset radio", "value": null, "otherValue": ""}
      ]"#;
    ISSUE_JSON
        .replace(r#""sharedFiles": [], "stars": []"#, &shared_files)
        .replace(r#""customFields": []"#, custom_fields)
}

#[tokio::test]
async fn shared_files_stars_and_the_child_summary_are_read() {
    let server = serving("/api/v2/issues/WEB-42", &rich_issue_json()).await;
    let issue = client_for(&server).issue(&web_42()).await.unwrap();
    let files: Vec<_> = issue
        .shared_files
        .iter()
        .map(|f| (f.id, f.path(), f.size))
        .collect();
    assert_eq!(
        files,
        [
            (
                SharedFileId::new(454_403).unwrap(),
                "/specs/login-flow.pdf".to_owned(),
                Some(30213)
            ),
            (
                SharedFileId::new(454_404).unwrap(),
                "/design/safari/".to_owned(),
                Some(0)
            ),
        ]
    );
    assert_eq!(issue.star_count, 3);
    assert_eq!(
        issue.child_issue_summary,
        Some(ChildIssueSummary {
            total: 4,
            closed: 1
        })
    );
}

/// Backlog lists every field of the issue's type; the unset ones (`null`, `""`,
/// `[]`, with no "other" text) are left out, like the memory model does.
#[tokio::test]
async fn custom_field_values_of_every_type_keep_their_item_ids_and_unset_ones_are_left_out() {
    let server = serving("/api/v2/issues/WEB-42", &rich_issue_json()).await;
    let issue = client_for(&server).issue(&web_42()).await.unwrap();
    let values: Vec<_> = issue
        .custom_fields
        .iter()
        .map(|f| (f.value.clone(), f.other_value.clone()))
        .collect();
    let items = |pairs: &[(i64, &str)]| {
        CustomFieldContent::Items(pairs.iter().map(|(id, n)| Named::new(*id, *n)).collect())
    };
    assert_eq!(
        values,
        [
            (CustomFieldContent::Text("ACME".into()), None),
            (CustomFieldContent::Text("line 1\nline 2".into()), None),
            (CustomFieldContent::Number(2.5), None),
            (
                CustomFieldContent::Date("2024-06-20".parse().unwrap()),
                None
            ),
            (items(&[(2, "Safari")]), None),
            (items(&[(1, "macOS"), (3, "iOS")]), None),
            (CustomFieldContent::Empty, Some("Smart TV".into())),
            (items(&[(9, "Major")]), None),
        ]
    );
}

/// One comment with an attachment, a notification and a status change, whose
/// author notified two people; one added without a change log (`null`).
const COMMENTS_JSON: &str = r#"[
  {"id": 6586001, "projectId": 1073900100, "issueId": 1075000123, "content": "Screenshot attached; fixed in 1.2.",
   "changeLog": [
     {"field": "attachment", "newValue": "safari.png", "originalValue": null,
      "attachmentInfo": {"id": 901, "name": "safari.png"}, "attributeInfo": null, "notificationInfo": null},
     {"field": "status", "newValue": "Resolved", "originalValue": "In Progress",
      "attachmentInfo": null, "attributeInfo": null, "notificationInfo": null},
     {"field": "notification", "newValue": null, "originalValue": null,
      "attachmentInfo": null, "attributeInfo": null, "notificationInfo": {"type": "issue.update"}},
     {"field": "Story points", "newValue": "3", "originalValue": "2",
      "attachmentInfo": null, "attributeInfo": {"id": 3, "typeId": 3}, "notificationInfo": null}],
   "createdUser": {"id": 1073800012, "userId": "t.sato", "name": "Taro Sato"},
   "created": "2024-06-03T10:02:17Z", "updated": "2024-06-03T10:02:17Z", "stars": [],
   "notifications": [
     {"id": 31, "alreadyRead": false, "reason": 2, "resourceAlreadyRead": false,
      "user": {"id": 1073800001, "userId": "admin", "name": "Admin", "roleType": 1, "lang": "ja", "mailAddress": "admin@example.com", "nulabAccount": null, "lastLoginTime": null}},
     {"id": 32, "alreadyRead": true, "reason": 2, "resourceAlreadyRead": true,
      "user": {"id": 1073800020, "userId": "a.tanaka", "name": "Aiko Tanaka"}}]},
  {"id": 6586002, "projectId": 1073900100, "issueId": 1075000123, "content": "Thanks!",
   "changeLog": null, "createdUser": null,
   "created": "2024-06-03T11:00:00Z", "updated": "2024-06-03T11:00:00Z", "stars": [], "notifications": []}
]"#;

#[tokio::test]
async fn comments_keep_attachment_and_notification_info_and_whom_they_notified() {
    let server = serving("/api/v2/issues/WEB-42/comments", COMMENTS_JSON).await;
    let page = CommentPage {
        min_id: None,
        max_id: None,
        count: PageSize::MAX,
        order: SortOrder::Asc,
    };
    let comments = client_for(&server).comments(&web_42(), page).await.unwrap();
    let log = &comments[0].change_log;
    assert_eq!(
        log[0].attachment,
        Some(Named::new(AttachmentId::new(901).unwrap(), "safari.png"))
    );
    assert_eq!(
        (
            log[1].original_value.as_deref(),
            log[1].new_value.as_deref()
        ),
        (Some("In Progress"), Some("Resolved"))
    );
    assert_eq!(log[2].notification.as_deref(), Some("issue.update"));
    assert_eq!(
        (log[3].attachment.as_ref(), log[3].notification.as_ref()),
        (None, None)
    );
    let notified: Vec<_> = comments[0]
        .notified
        .iter()
        .map(|u| u.name.as_str())
        .collect();
    assert_eq!(notified, ["Admin", "Aiko Tanaka"]);
    assert!(comments[1].change_log.is_empty() && comments[1].notified.is_empty());
}

/// A definition of every type with the settings Backlog sends for it; `null`
/// and absent settings stay unknown.
const CUSTOM_FIELDS_JSON: &str = r#"[
  {"id": 1, "projectId": 10, "typeId": 1, "version": 1, "name": "Customer", "description": "", "required": false,
   "useIssueType": false, "applicableIssueTypes": [], "displayOrder": 0},
  {"id": 2, "projectId": 10, "typeId": 2, "version": 1, "name": "Notes", "description": "", "required": false,
   "useIssueType": false, "applicableIssueTypes": [], "displayOrder": 1},
  {"id": 3, "projectId": 10, "typeId": 3, "version": 1, "name": "Story points", "description": "", "required": true,
   "useIssueType": false, "applicableIssueTypes": [], "displayOrder": 2,
   "min": 0.5, "max": 40, "initialValue": 1, "unit": "pt"},
  {"id": 4, "projectId": 10, "typeId": 3, "version": 1, "name": "Cost", "description": "", "required": false,
   "useIssueType": false, "applicableIssueTypes": [], "displayOrder": 3,
   "min": null, "max": null, "initialValue": null, "unit": null},
  {"id": 5, "projectId": 10, "typeId": 4, "version": 1, "name": "Target", "description": "", "required": false,
   "useIssueType": false, "applicableIssueTypes": [], "displayOrder": 4,
   "min": "2024-01-01T00:00:00Z", "max": "2024-12-31T00:00:00Z", "initialDate": {"id": 2, "shift": 7}},
  {"id": 6, "projectId": 10, "typeId": 4, "version": 1, "name": "Launch", "description": "", "required": false,
   "useIssueType": false, "applicableIssueTypes": [], "displayOrder": 5,
   "min": null, "max": null, "initialDate": null},
  {"id": 7, "projectId": 10, "typeId": 5, "version": 1, "name": "Browser", "description": "", "required": false,
   "useIssueType": true, "applicableIssueTypes": [1074000010], "displayOrder": 6,
   "items": [{"id": 1, "name": "Chrome", "displayOrder": 0}], "allowAddItem": false},
  {"id": 8, "projectId": 10, "typeId": 6, "version": 1, "name": "Platforms", "description": "", "required": false,
   "useIssueType": false, "applicableIssueTypes": [], "displayOrder": 7,
   "items": [{"id": 1, "name": "macOS", "displayOrder": 0}], "allowAddItem": true},
  {"id": 9, "projectId": 10, "typeId": 7, "version": 1, "name": "Devices", "description": "", "required": false,
   "useIssueType": false, "applicableIssueTypes": [], "displayOrder": 8,
   "items": [{"id": 1, "name": "Phone", "displayOrder": 0}], "allowAddItem": false, "allowInput": true},
  {"id": 10, "projectId": 10, "typeId": 8, "version": 1, "name": "Severity", "description": "", "required": false,
   "useIssueType": false, "applicableIssueTypes": [], "displayOrder": 9,
   "items": [{"id": 9, "name": "Major", "displayOrder": 0}], "allowAddItem": true, "allowInput": false}
]"#;

#[tokio::test]
async fn custom_field_definitions_of_every_type_keep_their_settings_and_invent_none() {
    let server = serving("/api/v2/projects/WEB/customFields", CUSTOM_FIELDS_JSON).await;
    let web = ProjectRef::Key(ProjectKey::parse("WEB").unwrap());
    let fields = client_for(&server).custom_fields(&web).await.unwrap();
    let summary: Vec<_> = fields
        .iter()
        .map(|f| (f.field_type, f.allow_input, f.allow_add_item))
        .collect();
    assert_eq!(
        summary,
        [
            (CustomFieldType::Text, None, None),
            (CustomFieldType::TextArea, None, None),
            (CustomFieldType::Numeric, None, None),
            (CustomFieldType::Numeric, None, None),
            (CustomFieldType::Date, None, None),
            (CustomFieldType::Date, None, None),
            (CustomFieldType::SingleList, None, Some(false)),
            (CustomFieldType::MultipleList, None, Some(true)),
            (CustomFieldType::CheckBox, Some(true), Some(false)),
            (CustomFieldType::Radio, Some(false), Some(true)),
        ]
    );
    let settings: Vec<_> = fields.iter().map(|f| f.settings.clone()).collect();
    assert_eq!(
        settings[2],
        TypeSettings::Numeric {
            min: Some(0.5),
            max: Some(40.0),
            initial_value: Some(1.0),
            unit: Some("pt".into())
        }
    );
    assert_eq!(
        settings[3],
        TypeSettings::Numeric {
            min: None,
            max: None,
            initial_value: None,
            unit: None
        }
    );
    assert_eq!(
        settings[4],
        TypeSettings::Date {
            min: Some("2024-01-01".parse().unwrap()),
            max: Some("2024-12-31".parse().unwrap()),
            initial: Some(InitialDate::DaysAfterToday(7))
        }
    );
    assert_eq!(
        settings[5],
        TypeSettings::Date {
            min: None,
            max: None,
            initial: None
        }
    );
    for index in [0, 1, 6, 7, 8, 9] {
        assert_eq!(settings[index], TypeSettings::None, "{index}");
    }
}
