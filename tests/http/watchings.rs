//! Watch lists: list with `issueId[]`, count, read, add, update, delete, and
//! the 204 of mark-as-read.

use crate::support::{FORM, ISSUE_JSON, client_for, json_answer, only_request, pairs};
use backlog_mcp::domain::backlog_error::BacklogError;
use backlog_mcp::domain::ids::{IssueId, UserId, WatchingId};
use backlog_mcp::domain::issue_filter::{PageSize, SortOrder};
use backlog_mcp::domain::keys::IssueKey;
use backlog_mcp::domain::watching::{WatchingCountQuery, WatchingQuery, WatchingSort};
use backlog_mcp::ports::{IssueRef, WatchingRepository};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn watching_json() -> String {
    format!(
        r#"{{"id": 5, "resourceAlreadyRead": false, "note": "check after release", "type": "issue",
            "issue": {ISSUE_JSON}, "lastContentUpdated": "2024-06-03T10:02:17Z",
            "created": "2024-06-01T00:00:00Z", "updated": "2024-06-02T00:00:00Z"}}"#
    )
}

fn five() -> WatchingId {
    WatchingId::new(5).unwrap()
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
async fn the_list_sends_paging_filters_and_issue_id_arrays() {
    let server = serving(
        "GET",
        "/api/v2/users/1073800012/watchings",
        200,
        &format!("[{}]", watching_json()),
    )
    .await;
    let query = WatchingQuery {
        order: SortOrder::Asc,
        sort: WatchingSort::Created,
        count: PageSize::new(50).unwrap(),
        offset: 100,
        resource_already_read: Some(false),
        issue_ids: vec![IssueId::new(11).unwrap(), IssueId::new(12).unwrap()],
    };
    let list = client_for(&server)
        .watchings(UserId::new(1_073_800_012).unwrap(), &query)
        .await
        .unwrap();
    assert_eq!(list.len(), 1);
    let watching = &list[0];
    assert_eq!(watching.id, five());
    assert!(!watching.resource_already_read);
    assert_eq!(watching.note, "check after release");
    assert_eq!(
        watching.issue.as_ref().unwrap().key,
        IssueKey::parse("WEB-42").unwrap()
    );
    assert_eq!(
        only_request(&server).await.query,
        pairs(&[
            ("order", "asc"),
            ("sort", "created"),
            ("count", "50"),
            ("offset", "100"),
            ("resourceAlreadyRead", "false"),
            ("issueId[]", "11"),
            ("issueId[]", "12"),
        ])
    );
}

#[tokio::test]
async fn the_count_sends_both_read_flags() {
    let server = serving(
        "GET",
        "/api/v2/users/7/watchings/count",
        200,
        r#"{"count": 138}"#,
    )
    .await;
    let query = WatchingCountQuery {
        resource_already_read: Some(true),
        already_read: Some(false),
    };
    let count = client_for(&server)
        .watching_count(UserId::new(7).unwrap(), &query)
        .await
        .unwrap();
    assert_eq!(count, 138);
    assert_eq!(
        only_request(&server).await.query,
        pairs(&[("resourceAlreadyRead", "true"), ("alreadyRead", "false")])
    );
}

#[tokio::test]
async fn one_watching_is_read_and_a_missing_one_named() {
    let server = serving("GET", "/api/v2/watchings/5", 200, &watching_json()).await;
    let watching = client_for(&server).watching(five()).await.unwrap();
    assert_eq!(
        watching.last_content_updated.unwrap().to_rfc3339(),
        "2024-06-03T10:02:17+00:00"
    );

    let missing = serving(
        "GET",
        "/api/v2/watchings/5",
        404,
        r#"{"errors":[{"message":"No watching.","code":6,"moreInfo":""}]}"#,
    )
    .await;
    assert_eq!(
        client_for(&missing).watching(five()).await.unwrap_err(),
        BacklogError::NotFound {
            what: "watching 5".into(),
            message: "No watching.".into()
        }
    );
}

#[tokio::test]
async fn adding_posts_the_issue_key_and_note() {
    let server = serving("POST", "/api/v2/watchings", 200, &watching_json()).await;
    let issue = IssueRef::Key(IssueKey::parse("WEB-42").unwrap());
    let added = client_for(&server)
        .add_watching(&issue, "check after release")
        .await
        .unwrap();
    assert_eq!(added.id, five());
    let sent = only_request(&server).await;
    assert_eq!(sent.content_type.as_deref(), Some(FORM));
    assert_eq!(
        sent.form,
        pairs(&[("issueIdOrKey", "WEB-42"), ("note", "check after release")])
    );
}

#[tokio::test]
async fn updating_patches_the_note_and_deleting_sends_a_delete() {
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .and(path("/api/v2/watchings/5"))
        .respond_with(json_answer(200, &watching_json()))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/api/v2/watchings/5"))
        .respond_with(json_answer(200, &watching_json()))
        .expect(1)
        .mount(&server)
        .await;
    let client = client_for(&server);
    client.update_watching(five(), "").await.unwrap();
    client.delete_watching(five()).await.unwrap();
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests[0].body, b"note=", "an empty note clears it");
    assert!(requests[1].body.is_empty());
}

#[tokio::test]
async fn mark_as_read_accepts_a_204_with_no_body() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/watchings/5/markAsRead"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    client_for(&server)
        .mark_watching_as_read(five())
        .await
        .unwrap();
    let sent = only_request(&server).await;
    assert_eq!(sent.method, "POST");
    assert!(sent.raw_body.is_empty());
}
