use crate::support::{API_KEY, ISSUE_JSON, client_for, only_request_query, pairs};
use backlog_mcp::domain::calendar_date::{CalendarDate, DateRange};
use backlog_mcp::domain::ids::{CommentId, ProjectId, StatusId, UserId};
use backlog_mcp::domain::issue_filter::{IssueFilter, IssueQuery, IssueSort, PageSize, SortOrder};
use backlog_mcp::domain::keys::{IssueKey, ProjectKey};
use backlog_mcp::ports::{
    CommentPage, CommentRepository, IssueRef, IssueRepository, ProjectRef, StatusRepository,
    UserRepository,
};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn json(body: &str) -> ResponseTemplate {
    ResponseTemplate::new(200)
        .set_body_raw(body.as_bytes().to_vec(), "application/json;charset=utf-8")
}

#[tokio::test]
async fn an_issue_is_fetched_by_key_with_the_key_in_a_header_never_the_url() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/issues/WEB-42"))
        .and(header("backlog-api-key", API_KEY))
        .respond_with(json(ISSUE_JSON))
        .expect(1)
        .mount(&server)
        .await;
    let issue = client_for(&server)
        .issue(&IssueRef::Key(IssueKey::parse("WEB-42").unwrap()))
        .await
        .unwrap();
    assert_eq!(issue.summary, "ログインボタンが反応しない");
    assert_eq!(
        issue.due_date,
        Some(CalendarDate::parse("2024-06-07").unwrap())
    );
    assert_eq!(issue.parent_issue_id.map(|p| p.get()), Some(1_075_000_100));

    let request = &server.received_requests().await.unwrap()[0];
    assert!(!request.url.as_str().contains(API_KEY));
    assert!(request.url.query().is_none());
    let agent = request.headers.get("user-agent").unwrap().to_str().unwrap();
    assert_eq!(agent, concat!("backlog-mcp/", env!("CARGO_PKG_VERSION")));
}

#[tokio::test]
async fn a_list_query_sends_bracketed_arrays_dates_and_a_page_of_at_most_100() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/issues"))
        .respond_with(json(&format!("[{ISSUE_JSON}]")))
        .mount(&server)
        .await;
    let query = IssueQuery {
        filter: IssueFilter {
            project_ids: vec![ProjectId::new(1).unwrap(), ProjectId::new(2).unwrap()],
            status_ids: vec![StatusId::new(1).unwrap(), StatusId::new(10001).unwrap()],
            assignee_ids: vec![UserId::new(7).unwrap()],
            keyword: Some("ログイン".into()),
            due_date: DateRange::new(None, Some(CalendarDate::parse("2026-12-31").unwrap()))
                .unwrap(),
            ..IssueFilter::default()
        },
        sort: Some(IssueSort::Created),
        order: SortOrder::Asc,
        offset: 200,
        count: PageSize::MAX,
    };
    let issues = client_for(&server).issues(&query).await.unwrap();
    assert_eq!(issues.len(), 1);
    assert_eq!(
        only_request_query(&server).await,
        pairs(&[
            ("projectId[]", "1"),
            ("projectId[]", "2"),
            ("statusId[]", "1"),
            ("statusId[]", "10001"),
            ("assigneeId[]", "7"),
            ("keyword", "ログイン"),
            ("dueDateUntil", "2026-12-31"),
            ("sort", "created"),
            ("order", "asc"),
            ("offset", "200"),
            ("count", "100"),
        ])
    );
}

#[tokio::test]
async fn counting_uses_the_same_filter_without_paging() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/issues/count"))
        .respond_with(json(r#"{"count": 1234}"#))
        .mount(&server)
        .await;
    let filter = IssueFilter {
        milestone_ids: vec![backlog_mcp::domain::ids::VersionId::new(5).unwrap()],
        ..IssueFilter::default()
    };
    assert_eq!(
        client_for(&server).count_issues(&filter).await.unwrap(),
        1234
    );
    assert_eq!(
        only_request_query(&server).await,
        pairs(&[("milestoneId[]", "5")])
    );
}

#[tokio::test]
async fn comments_are_paged_by_id() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/issues/WEB-42/comments"))
        .respond_with(json(
            r#"[{"id": 12, "content": "", "changeLog": [{"field": "status", "newValue": "Closed", "originalValue": "Open", "attachmentInfo": null, "attributeInfo": null, "notificationInfo": null}],
                 "createdUser": {"id": 3, "userId": "x", "name": "X"}, "created": "2026-01-02T03:04:05Z", "updated": "2026-01-02T03:04:05Z", "stars": [], "notifications": []},
                {"id": 13, "content": "done", "changeLog": null, "createdUser": null, "created": "2026-01-03T03:04:05Z"}]"#,
        ))
        .mount(&server)
        .await;
    let page = CommentPage {
        min_id: Some(CommentId::new(11).unwrap()),
        max_id: None,
        count: PageSize::MAX,
        order: SortOrder::Asc,
    };
    let comments = client_for(&server)
        .comments(&IssueRef::Key(IssueKey::parse("WEB-42").unwrap()), page)
        .await
        .unwrap();
    assert_eq!(comments.len(), 2);
    assert_eq!(
        comments[0].change_log[0].new_value.as_deref(),
        Some("Closed")
    );
    assert!(!comments[0].has_text() && comments[1].has_text());
    assert_eq!(
        only_request_query(&server).await,
        pairs(&[("minId", "11"), ("count", "100"), ("order", "asc")])
    );
}

#[tokio::test]
async fn myself_projects_and_statuses_are_read() {
    let server = MockServer::start().await;
    Mock::given(path("/api/v2/users/myself"))
        .respond_with(json(r#"{"id": 99, "userId": "me", "name": "Me", "roleType": 2, "lang": null, "mailAddress": "me@x", "nulabAccount": null, "lastLoginTime": null}"#))
        .mount(&server)
        .await;
    Mock::given(path("/api/v2/projects/WEB/statuses"))
        .respond_with(json(r##"[{"id": 1, "projectId": 5, "name": "Open", "color": "#ed8077", "displayOrder": 1000},
                               {"id": 4, "projectId": 5, "name": "Closed", "color": "#b0be3c", "displayOrder": 4000}]"##))
        .mount(&server)
        .await;
    let client = client_for(&server);
    assert_eq!(
        client.myself().await.unwrap().login_id.as_deref(),
        Some("me")
    );
    let statuses = client
        .statuses(&ProjectRef::Key(ProjectKey::parse("WEB").unwrap()))
        .await
        .unwrap();
    assert_eq!(statuses.len(), 2);
    assert!(statuses[1].is_closed());
}

#[tokio::test]
async fn a_base_url_with_a_path_prefix_is_kept() {
    let server = MockServer::start().await;
    Mock::given(path("/backlog/api/v2/users/myself"))
        .respond_with(json(r#"{"id": 1, "userId": "me", "name": "Me"}"#))
        .expect(1)
        .mount(&server)
        .await;
    let client = crate::support::client_at(
        &format!("{}/backlog/", server.uri()),
        std::time::Duration::from_secs(5),
    );
    assert_eq!(client.myself().await.unwrap().name, "Me");
}
