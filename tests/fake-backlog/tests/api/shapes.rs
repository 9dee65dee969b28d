//! The JSON shapes of Backlog's API reference: every member present (nulls included),
//! camelCase names, timestamps with second precision and a `Z`.

use crate::*;
use fake_backlog::{FakeBacklog, Model};

fn members(v: &Value) -> Vec<&str> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect()
}

/// `2024-06-03T10:02:17Z`
fn is_timestamp(v: &Value) -> bool {
    let Some(s) = v.as_str() else { return false };
    s.len() == 20 && s.ends_with('Z') && chrono::DateTime::parse_from_rfc3339(s).is_ok()
}

const EMBEDDED_USER: [&str; 8] = [
    "id",
    "userId",
    "name",
    "roleType",
    "lang",
    "mailAddress",
    "nulabAccount",
    "lastLoginTime",
];

#[tokio::test]
async fn issue_shape() {
    let server = FakeBacklog::start(Model::demo()).await;
    let issue = get_json(&server, "/api/v2/issues/WEB-2").await;
    assert_eq!(
        members(&issue),
        [
            "id",
            "projectId",
            "issueKey",
            "keyId",
            "issueType",
            "summary",
            "description",
            "resolution",
            "priority",
            "status",
            "assignee",
            "category",
            "versions",
            "milestone",
            "startDate",
            "dueDate",
            "estimatedHours",
            "actualHours",
            "parentIssueId",
            "createdUser",
            "created",
            "updatedUser",
            "updated",
            "customFields",
            "attachments",
            "sharedFiles",
            "stars",
        ]
    );
    assert_eq!(issue["issueKey"], "WEB-2");
    assert_eq!(issue["keyId"], 2);
    assert_eq!(
        members(&issue["issueType"]),
        ["id", "projectId", "name", "color", "displayOrder"]
    );
    assert_eq!(
        members(&issue["status"]),
        ["id", "projectId", "name", "color", "displayOrder"]
    );
    assert_eq!(
        issue["priority"],
        serde_json::json!({"id": 3, "name": "Normal"})
    );
    assert_eq!(issue["resolution"], Value::Null);
    assert_eq!(members(&issue["assignee"]), EMBEDDED_USER);
    assert_eq!(members(&issue["createdUser"]), EMBEDDED_USER);
    assert_eq!(
        members(&issue["milestone"][0]),
        [
            "id",
            "projectId",
            "name",
            "description",
            "startDate",
            "releaseDueDate",
            "archived",
            "displayOrder",
        ]
    );
    assert_eq!(issue["startDate"], "2026-11-02T00:00:00Z");
    assert_eq!(issue["dueDate"], "2026-11-06T00:00:00Z");
    assert!(is_timestamp(&issue["created"]) && is_timestamp(&issue["updated"]));
    assert_eq!(issue["estimatedHours"], 8.0);
    assert_eq!(issue["actualHours"], 6.5);
    assert!(issue["parentIssueId"].is_i64());

    // WEB-5: numeric, single list, multiple list and text values, and stars.
    let issue = get_json(&server, "/api/v2/issues/WEB-5").await;
    let fields = issue["customFields"].as_array().unwrap();
    for f in fields {
        assert_eq!(members(f), ["id", "fieldTypeId", "name", "value"]);
    }
    assert_eq!(fields[0]["value"].as_f64(), Some(3.0), "numeric");
    assert_eq!(
        members(&fields[1]["value"]),
        ["id", "name", "displayOrder"],
        "single list"
    );
    assert_eq!(
        fields[2]["value"].as_array().unwrap().len(),
        2,
        "multiple list"
    );
    assert_eq!(fields[3]["value"], "山田商事", "text");
    assert_eq!(
        members(&issue["stars"][0]),
        ["id", "comment", "url", "title", "presenter", "created"]
    );

    let issue = get_json(&server, "/api/v2/issues/WEB-20").await;
    assert_eq!(
        members(&issue["attachments"][0]),
        ["id", "name", "size", "createdUser", "created"]
    );
    let issue = get_json(&server, "/api/v2/issues/WEB-1").await;
    assert_eq!(
        members(&issue["sharedFiles"][0]),
        ["id", "type", "dir", "name", "size"]
    );
}

#[tokio::test]
async fn unset_values_are_null_or_empty_not_missing() {
    let server = FakeBacklog::start(Model::demo()).await;
    let issue = get_json(&server, "/api/v2/issues/WEB-21").await;
    for member in [
        "assignee",
        "startDate",
        "dueDate",
        "estimatedHours",
        "actualHours",
        "parentIssueId",
        "resolution",
    ] {
        assert_eq!(issue[member], Value::Null, "{member}");
    }
    for member in ["category", "versions", "milestone", "attachments", "stars"] {
        assert_eq!(issue[member], serde_json::json!([]), "{member}");
    }
    // Every custom field of the issue's type is listed, unset ones with null
    // (`[]` for several choices).
    let fields = issue["customFields"].as_array().unwrap();
    assert!(fields.len() >= 3, "{fields:?}");
    for field in fields {
        let value = &field["value"];
        assert!(
            value.is_null() || *value == serde_json::json!([]),
            "{field}"
        );
    }
    // A resolution and versions, once set, are the contract suite's
    // (issue_writes: every_changed_field_is_in_the_change_log).
}

#[tokio::test]
async fn comment_shape() {
    let server = FakeBacklog::start(Model::demo()).await;
    let comments = get_json(&server, "/api/v2/issues/WEB-5/comments?order=asc").await;
    let c = &comments[1];
    assert_eq!(
        members(c),
        [
            "id",
            "projectId",
            "issueId",
            "content",
            "changeLog",
            "createdUser",
            "created",
            "updated",
            "stars",
            "notifications",
        ]
    );
    assert_eq!(
        members(&c["changeLog"][0]),
        [
            "field",
            "newValue",
            "originalValue",
            "attachmentInfo",
            "attributeInfo",
            "notificationInfo",
        ]
    );
    assert_eq!(members(&c["createdUser"]), EMBEDDED_USER);
    assert!(is_timestamp(&c["created"]));
}

#[tokio::test]
async fn user_and_project_shapes() {
    let server = FakeBacklog::start(Model::demo()).await;
    let me = get_json(&server, "/api/v2/users/myself").await;
    assert_eq!(
        members(&me),
        [
            "id",
            "userId",
            "name",
            "roleType",
            "lang",
            "mailAddress",
            "nulabAccount",
            "keyword",
            "lastLoginTime",
        ]
    );
    // The memory model keeps no Nulab accounts: `nulabAccount` is always null.
    assert_eq!(me["nulabAccount"], Value::Null);
    let project = get_json(&server, "/api/v2/projects/WEB").await;
    assert_eq!(
        members(&project),
        [
            "id",
            "projectKey",
            "name",
            "chartEnabled",
            "useResolvedForChart",
            "subtaskingEnabled",
            "projectLeaderCanEditProjectLeader",
            "useWiki",
            "useFileSharing",
            "useWikiTreeView",
            "useOriginalImageSizeAtWiki",
            "useSubversion",
            "useGit",
            "textFormattingRule",
            "archived",
            "displayOrder",
            "useDevAttributes",
            "grandchildIssueEnabled",
        ]
    );
    let space = get_json(&server, "/api/v2/space").await;
    assert_eq!(
        members(&space),
        [
            "spaceKey",
            "name",
            "ownerId",
            "lang",
            "timezone",
            "reportSendTime",
            "textFormattingRule",
            "created",
            "updated",
        ]
    );
}

/// A value that is no id is a 400 naming the parameter, whichever request
/// carries it (a filter, a page bound, a write).
#[tokio::test]
async fn an_invalid_id_is_a_400_naming_its_parameter() {
    let server = FakeBacklog::start(Model::demo()).await;
    for (method, path, body, parameter) in [
        ("GET", "/api/v2/issues?statusId[]=0", "", "statusId[]"),
        (
            "GET",
            "/api/v2/users/1001/watchings?issueId[]=-1",
            "",
            "issueId[]",
        ),
        ("GET", "/api/v2/space/activities?minId=0", "", "minId"),
        ("GET", "/api/v2/issues/WEB-1/comments?maxId=-3", "", "maxId"),
        (
            "POST",
            "/api/v2/issues/WEB-1/comments",
            "content=x&notifiedUserId[]=0",
            "notifiedUserId[]",
        ),
        (
            "PATCH",
            "/api/v2/issues/WEB-1",
            "assigneeId=-2",
            "assigneeId",
        ),
        (
            "POST",
            "/api/v2/issues/WEB-1/relatedIssues",
            "targetIssueId=0",
            "targetIssueId",
        ),
    ] {
        let answer = form(&server, method, path, body).await;
        assert_eq!(
            answer.status, 400,
            "{method} {path} {body}: {}",
            answer.text
        );
        let (_, message) = backlog_error(&answer);
        assert!(
            message.contains(&format!("{parameter} is not an id")),
            "{method} {path}: {message}"
        );
    }
}
