//! Days sent as instants: current spaces send midnight UTC, older spaces the
//! midnight that starts the day in the space's timezone
//! (`2014-07-15T15:00:00Z` is 2014-07-16 in Asia/Tokyo). The adapter asks
//! `GET /space` for the timezone once, and only when an answer needs it.

use crate::support::{ISSUE_JSON, client_for, json_answer};
use backlog_mcp::domain::calendar_date::CalendarDate;
use backlog_mcp::domain::custom_field::{InitialDate, TypeSettings};
use backlog_mcp::domain::ids::{UserId, WatchingId};
use backlog_mcp::domain::issue::CustomFieldContent;
use backlog_mcp::domain::issue_filter::{IssueFilter, IssueQuery, PageSize, SortOrder};
use backlog_mcp::domain::keys::{IssueKey, ProjectKey};
use backlog_mcp::domain::watching::{WatchingQuery, WatchingSort};
use backlog_mcp::ports::{
    CustomFieldRepository, IssueRef, IssueRepository, ProjectRef, VersionRepository,
    WatchingRepository,
};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer};

fn space_json(timezone: &str) -> String {
    format!(
        r#"{{"spaceKey": "legacy", "name": "Legacy Inc.", "ownerId": 1, "lang": "ja",
            "timezone": "{timezone}", "reportSendTime": "08:00:00", "textFormattingRule": "backlog",
            "created": "2008-03-01T02:00:00Z", "updated": "2014-01-10T05:30:00Z"}}"#
    )
}

/// The documented issue as an older space in Asia/Tokyo sends it: its days are
/// Tokyo midnights, and so is its date custom field.
fn legacy_issue_json() -> String {
    ISSUE_JSON
        .replace(
            r#""startDate": "2024-06-03T00:00:00Z", "dueDate": "2024-06-07T00:00:00Z""#,
            r#""startDate": "2014-07-15T15:00:00Z", "dueDate": "2014-07-31T15:00:00Z""#,
        )
        .replace(
            r#""customFields": []"#,
            r#""customFields": [{"id": 1073742489, "fieldTypeId": 4, "name": "ひづけ", "value": "2014-08-10T15:00:00Z"}]"#,
        )
}

fn day(text: &str) -> Option<CalendarDate> {
    Some(CalendarDate::parse(text).unwrap())
}

fn web_42() -> IssueRef {
    IssueRef::Key(IssueKey::parse("WEB-42").unwrap())
}

async fn mount(server: &MockServer, at: &str, body: &str, times: u64) {
    Mock::given(method("GET"))
        .and(path(at))
        .respond_with(json_answer(200, body))
        .expect(times)
        .mount(server)
        .await;
}

#[tokio::test]
async fn an_older_space_days_are_its_days_and_its_timezone_is_asked_once() {
    let server = MockServer::start().await;
    mount(&server, "/api/v2/issues/WEB-42", &legacy_issue_json(), 2).await;
    mount(&server, "/api/v2/space", &space_json("Asia/Tokyo"), 1).await;
    let client = client_for(&server);
    for _ in 0..2 {
        let issue = client.issue(&web_42()).await.unwrap();
        assert_eq!(issue.start_date, day("2014-07-16"));
        assert_eq!(issue.due_date, day("2014-08-01"));
        assert_eq!(
            issue.custom_fields[0].value,
            CustomFieldContent::Date(CalendarDate::parse("2014-08-11").unwrap())
        );
    }
}

#[tokio::test]
async fn the_same_instants_in_a_space_west_of_utc_fall_on_other_days() {
    let server = MockServer::start().await;
    let json = ISSUE_JSON.replace(
        r#""startDate": "2024-06-03T00:00:00Z""#,
        r#""startDate": "2014-07-16T04:00:00Z""#,
    );
    mount(&server, "/api/v2/issues/WEB-42", &json, 1).await;
    mount(&server, "/api/v2/space", &space_json("America/New_York"), 1).await;
    let issue = client_for(&server).issue(&web_42()).await.unwrap();
    assert_eq!(issue.start_date, day("2014-07-16"));
    assert_eq!(
        issue.due_date,
        day("2024-06-07"),
        "midnight UTC stays its day"
    );
}

#[tokio::test]
async fn a_current_space_costs_no_request_for_its_timezone() {
    let server = MockServer::start().await;
    mount(&server, "/api/v2/issues/WEB-42", ISSUE_JSON, 1).await;
    let issue = client_for(&server).issue(&web_42()).await.unwrap();
    assert_eq!(issue.start_date, day("2024-06-03"));
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "no GET /space");
}

#[tokio::test]
async fn lists_versions_custom_fields_and_watchings_read_days_the_same_way() {
    let server = MockServer::start().await;
    mount(&server, "/api/v2/space", &space_json("Asia/Tokyo"), 1).await;
    mount(
        &server,
        "/api/v2/issues",
        &format!("[{}, {ISSUE_JSON}]", legacy_issue_json()),
        1,
    )
    .await;
    mount(
        &server,
        "/api/v2/projects/LEGACY/versions",
        r#"[{"id": 3, "projectId": 1, "name": "1.0", "description": null,
             "startDate": "2014-06-30T15:00:00Z", "releaseDueDate": "2014-07-15T15:00:00Z",
             "archived": true, "displayOrder": 0}]"#,
        1,
    )
    .await;
    mount(
        &server,
        "/api/v2/projects/LEGACY/customFields",
        r#"[{"id": 1073761531, "typeId": 4, "name": "日付フィールド", "description": "", "required": false,
             "applicableIssueTypes": [], "min": "2014-06-09T15:00:00Z", "max": "2014-07-09T15:00:00Z",
             "initialDate": {"id": 3, "date": "2014-06-11T15:00:00Z"}}]"#,
        1,
    )
    .await;
    mount(
        &server,
        "/api/v2/users/7/watchings",
        &format!(
            r#"[{{"id": 41, "resourceAlreadyRead": false, "note": "", "type": "issue",
                 "issue": {}, "lastContentUpdated": "2014-07-20T00:00:00Z",
                 "created": "2014-07-20T00:00:00Z", "updated": "2014-07-20T00:00:00Z"}}]"#,
            legacy_issue_json()
        ),
        1,
    )
    .await;
    let client = client_for(&server);

    let issues = client
        .issues(&IssueQuery::first_page(IssueFilter::default()))
        .await
        .unwrap();
    let starts: Vec<_> = issues.iter().map(|i| i.start_date).collect();
    assert_eq!(starts, [day("2014-07-16"), day("2024-06-03")]);

    let legacy = ProjectRef::Key(ProjectKey::parse("LEGACY").unwrap());
    let versions = client.versions(&legacy).await.unwrap();
    assert_eq!(
        (versions[0].start_date, versions[0].release_due_date),
        (day("2014-07-01"), day("2014-07-16"))
    );

    let fields = client.custom_fields(&legacy).await.unwrap();
    assert_eq!(
        fields[0].settings,
        TypeSettings::Date {
            min: day("2014-06-10"),
            max: day("2014-07-10"),
            initial: day("2014-06-12").map(InitialDate::Fixed),
        }
    );

    let watchings = client
        .watchings(
            UserId::new(7).unwrap(),
            &WatchingQuery {
                order: SortOrder::Desc,
                sort: WatchingSort::Updated,
                count: PageSize::new(20).unwrap(),
                offset: 0,
                resource_already_read: None,
                issue_ids: vec![],
            },
        )
        .await
        .unwrap();
    assert_eq!(watchings[0].id, WatchingId::new(41).unwrap());
    let watched = watchings[0].issue.as_ref().unwrap();
    assert_eq!(watched.start_date, day("2014-07-16"));
}

#[tokio::test]
async fn a_timezone_that_cannot_be_learned_fails_the_call_rather_than_shift_days() {
    let server = MockServer::start().await;
    mount(&server, "/api/v2/issues/WEB-42", &legacy_issue_json(), 1).await;
    Mock::given(method("GET"))
        .and(path("/api/v2/space"))
        .respond_with(json_answer(
            403,
            r#"{"errors":[{"message":"Forbidden.","code":5,"moreInfo":""}]}"#,
        ))
        .mount(&server)
        .await;
    let error = client_for(&server).issue(&web_42()).await.unwrap_err();
    assert!(error.to_string().contains("Forbidden"), "{error}");
}

#[tokio::test]
async fn a_space_naming_an_unknown_timezone_reads_days_as_utc_dates() {
    let server = MockServer::start().await;
    mount(&server, "/api/v2/issues/WEB-42", &legacy_issue_json(), 1).await;
    mount(
        &server,
        "/api/v2/space",
        &space_json("Mars/Olympus_Mons"),
        1,
    )
    .await;
    let issue = client_for(&server).issue(&web_42()).await.unwrap();
    assert_eq!(issue.start_date, day("2014-07-15"));
}
