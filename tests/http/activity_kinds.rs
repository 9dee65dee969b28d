//! Activities of every kind whose content carries more than a title: shared
//! files (8–10), Subversion commits (11), members added and removed (15, 16),
//! pull requests (18–20) and issue updates linking shared files (2). Their
//! `content` uses snake_case keys.

use crate::support::{client_for, json_answer};
use backlog_mcp::domain::activity::{Activity, ActivityQuery};
use backlog_mcp::domain::issue_filter::{PageSize, SortOrder};
use backlog_mcp::ports::ActivityRepository;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer};

/// `{content}` of one activity of `type_id` in project SUB.
fn activity(id: i64, type_id: i64, content: &str) -> String {
    format!(
        r#"{{"id": {id}, "project": {{"id": 92, "projectKey": "SUB", "name": "Subtasking", "chartEnabled": true,
              "subtaskingEnabled": true, "textFormattingRule": "markdown", "archived": false}},
            "type": {type_id}, "content": {content}, "notifications": [],
            "createdUser": {{"id": 1073800001, "userId": "admin", "name": "Admin", "roleType": 1, "lang": "ja",
                            "mailAddress": "admin@example.com", "nulabAccount": null, "lastLoginTime": null}},
            "created": "2024-06-03T10:00:00Z"}}"#
    )
}

const MEMBER: &str = r#"{"id": 1073800012, "userId": "t.sato", "name": "Taro Sato", "roleType": 2,
  "lang": "en", "mailAddress": "t.sato@example.com", "nulabAccount": null, "lastLoginTime": null}"#;

fn activities_json() -> String {
    let file = |name: &str, size: u64| {
        format!(r#"{{"id": 1074321613, "dir": "/specs/v2/", "name": "{name}", "size": {size}}}"#)
    };
    let pull_request = |comment: &str, changes: &str| {
        format!(
            r#"{{"id": 148, "number": 112, "summary": "Fix Safari login", "description": "Closes SUB-277",
                "comment": {comment}, "changes": {changes},
                "issue": {{"id": 77777777, "key_id": 277, "summary": "Login fails", "description": ""}},
                "repository": {{"id": 3, "name": "web-frontend", "description": ""}}}}"#
        )
    };
    let items = [
        activity(1, 8, &file("login-flow.pdf", 30213)),
        activity(2, 9, &file("login-flow.pdf", 31877)),
        activity(3, 10, &file("old-flow.pdf", 1024)),
        activity(
            4,
            11,
            r#"{"rev": 1024, "comment": "Move the login handler"}"#,
        ),
        activity(
            5,
            15,
            &format!(
                r#"{{"users": [{MEMBER}], "group_project_activities": [{{"id": 5, "type": 15}}],
                    "comment": "Welcome to the project"}}"#
            ),
        ),
        activity(
            6,
            16,
            &format!(r#"{{"users": [{MEMBER}], "group_project_activities": [], "comment": ""}}"#),
        ),
        activity(7, 18, &pull_request("null", "[]")),
        activity(
            8,
            19,
            &pull_request(
                r#"{"id": 579, "content": ""}"#,
                r#"[{"field": "status", "new_value": "3", "old_value": "1"}]"#,
            ),
        ),
        activity(
            9,
            20,
            &pull_request(r#"{"id": 580, "content": "LGTM"}"#, "[]"),
        ),
        activity(
            10,
            2,
            r#"{"id": 4809, "key_id": 121, "summary": "Write the spec", "description": "",
                "comment": {"id": 7237, "content": ""},
                "changes": [{"field": "shared_file", "new_value": "login-flow.pdf", "old_value": "", "type": "standard"}],
                "attachments": [], "external_file_links": [],
                "shared_files": [{"id": 1074321613, "type": "file", "dir": "/specs/v2/", "name": "login-flow.pdf", "size": 30213},
                                 {"id": 1074321614, "type": "directory", "dir": "/specs/", "name": "v2", "size": 0}]}"#,
        ),
    ];
    format!("[{}]", items.join(","))
}

async fn fetched() -> Vec<Activity> {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/space/activities"))
        .respond_with(json_answer(200, &activities_json()))
        .expect(1)
        .mount(&server)
        .await;
    let query = ActivityQuery {
        type_ids: vec![],
        min_id: None,
        max_id: None,
        count: PageSize::new(20).unwrap(),
        order: SortOrder::Desc,
    };
    client_for(&server).space_activities(&query).await.unwrap()
}

#[tokio::test]
async fn file_activities_keep_the_directory_and_size() {
    let activities = fetched().await;
    let files: Vec<_> = activities[..3]
        .iter()
        .map(|a| {
            let file = a.content.file.as_ref().unwrap();
            (
                a.content.title.as_deref().unwrap(),
                file.dir.as_str(),
                file.size,
            )
        })
        .collect();
    assert_eq!(
        files,
        [
            ("login-flow.pdf", "/specs/v2/", Some(30213)),
            ("login-flow.pdf", "/specs/v2/", Some(31877)),
            ("old-flow.pdf", "/specs/v2/", Some(1024)),
        ]
    );
}

#[tokio::test]
async fn a_subversion_commit_keeps_its_revision_and_message() {
    let svn = &fetched().await[3].content;
    assert_eq!(svn.revision, Some(1024));
    assert_eq!(svn.comment.as_deref(), Some("Move the login handler"));
}

#[tokio::test]
async fn members_added_and_removed_are_named_with_the_note() {
    let activities = fetched().await;
    for activity in &activities[4..6] {
        let names: Vec<_> = activity
            .content
            .users
            .iter()
            .map(|u| u.name.as_str())
            .collect();
        assert_eq!(names, ["Taro Sato"], "type {}", activity.type_id);
    }
    assert_eq!(
        activities[4].content.comment.as_deref(),
        Some("Welcome to the project")
    );
    assert_eq!(activities[5].content.comment, None);
}

#[tokio::test]
async fn pull_request_activities_carry_the_number_repository_and_linked_issue() {
    let activities = fetched().await;
    for activity in &activities[6..9] {
        let content = &activity.content;
        assert_eq!(content.pull_request_number, Some(112));
        assert_eq!(content.repository.as_deref(), Some("web-frontend"));
        assert_eq!(content.issue_number, Some(277), "the linked SUB-277");
        assert_eq!(content.title.as_deref(), Some("Fix Safari login"));
    }
    assert_eq!(activities[7].content.changes[0].field, "status");
    assert_eq!(activities[8].content.comment.as_deref(), Some("LGTM"));
}

#[tokio::test]
async fn an_issue_update_keeps_the_shared_files_it_linked() {
    let update = &fetched().await[9].content;
    let paths: Vec<String> = update.shared_files.iter().map(|f| f.path()).collect();
    assert_eq!(paths, ["/specs/v2/login-flow.pdf", "/specs/v2/"]);
    assert_eq!(update.issue_number, Some(121));
}
