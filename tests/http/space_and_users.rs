//! The space, its lists, users, activities and star counts.

use crate::support::{USER_JSON, client_for, json_answer, only_request, pairs};
use backlog_mcp::domain::activity::ActivityQuery;
use backlog_mcp::domain::backlog_error::BacklogError;
use backlog_mcp::domain::calendar_date::{CalendarDate, DateRange};
use backlog_mcp::domain::ids::{ActivityId, UserId};
use backlog_mcp::domain::issue_filter::{PageSize, SortOrder};
use backlog_mcp::ports::{ActivityRepository, SpaceRepository, StarRepository, UserRepository};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer};

const ACTIVITIES_JSON: &str = r##"[
  {"id": 3153, "project": {"id": 92, "projectKey": "SUB", "name": "Subtasking", "chartEnabled": true,
                           "subtaskingEnabled": true, "textFormattingRule": "markdown", "archived": false},
   "type": 2,
   "content": {"id": 4809, "key_id": 121, "summary": "Comment", "description": "",
               "comment": {"id": 7237, "content": "Looks good"},
               "changes": [{"field": "status", "new_value": "4", "old_value": "1", "type": "standard"}]},
   "notifications": [],
   "createdUser": {"id": 1073800012, "userId": "t.sato", "name": "Taro Sato", "roleType": 2, "lang": "en",
                   "mailAddress": "t.sato@example.com", "nulabAccount": null, "lastLoginTime": null},
   "created": "2013-12-27T07:50:44Z"},
  {"id": 3154, "project": {"id": 92, "projectKey": "SUB", "name": "Subtasking"},
   "type": 5, "content": {"id": 5, "name": "Release checklist", "content": "# Steps", "diff": "", "version": 1,
                          "attachments": [], "shared_files": []},
   "notifications": [], "createdUser": null, "created": "2013-12-28T07:50:44Z"},
  {"id": 3155, "project": {"id": 92, "projectKey": "SUB", "name": "Subtasking"},
   "type": 99, "content": {"something": ["new"]}, "notifications": [], "created": "2013-12-29T07:50:44Z"}
]"##;

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

fn activity_query() -> ActivityQuery {
    ActivityQuery {
        type_ids: vec![1, 2, 3],
        min_id: Some(ActivityId::new(3000).unwrap()),
        max_id: None,
        count: PageSize::new(20).unwrap(),
        order: SortOrder::Desc,
    }
}

#[tokio::test]
async fn the_space_is_read() {
    let server = serving(
        "/api/v2/space",
        r#"{"spaceKey": "acme", "name": "ACME Inc.", "ownerId": 1073800001, "lang": "en",
            "timezone": "Asia/Tokyo", "reportSendTime": "08:00:00", "textFormattingRule": "markdown",
            "created": "2019-03-01T02:00:00Z", "updated": "2024-01-10T05:30:00Z"}"#,
    )
    .await;
    let space = client_for(&server).space().await.unwrap();
    assert_eq!(space.space_key, "acme");
    assert_eq!(space.name, "ACME Inc.");
    assert_eq!(space.owner_id, Some(UserId::new(1_073_800_001).unwrap()));
    assert_eq!(space.timezone.as_deref(), Some("Asia/Tokyo"));
    assert_eq!(space.text_formatting_rule.as_deref(), Some("markdown"));
}

#[tokio::test]
async fn space_activities_send_type_arrays_and_read_every_content_shape() {
    let server = serving("/api/v2/space/activities", ACTIVITIES_JSON).await;
    let activities = client_for(&server)
        .space_activities(&activity_query())
        .await
        .unwrap();
    assert_eq!(
        only_request(&server).await.query,
        pairs(&[
            ("activityTypeId[]", "1"),
            ("activityTypeId[]", "2"),
            ("activityTypeId[]", "3"),
            ("minId", "3000"),
            ("count", "20"),
            ("order", "desc"),
        ])
    );
    assert_eq!(activities.len(), 3);
    let update = &activities[0];
    assert_eq!(update.type_id, 2);
    assert_eq!(update.project.as_ref().unwrap().key.as_str(), "SUB");
    assert_eq!(update.content.issue_number, Some(121));
    assert_eq!(update.content.title.as_deref(), Some("Comment"));
    assert_eq!(update.content.comment.as_deref(), Some("Looks good"));
    assert_eq!(update.content.changes[0].field, "status");
    assert_eq!(update.content.changes[0].new_value.as_deref(), Some("4"));
    assert_eq!(update.created_user.as_ref().unwrap().name, "Taro Sato");
    assert_eq!(
        activities[1].content.title.as_deref(),
        Some("Release checklist")
    );
    assert_eq!(activities[2].content, Default::default());
}

#[tokio::test]
async fn priorities_and_resolutions_are_read_with_fixed_as_zero() {
    let server = MockServer::start().await;
    Mock::given(path("/api/v2/priorities"))
        .respond_with(json_answer(
            200,
            r#"[{"id": 2, "name": "High"}, {"id": 3, "name": "Normal"}, {"id": 4, "name": "Low"}]"#,
        ))
        .mount(&server)
        .await;
    Mock::given(path("/api/v2/resolutions"))
        .respond_with(json_answer(
            200,
            r#"[{"id": 0, "name": "Fixed"}, {"id": 1, "name": "Won't Fix"}, {"id": 2, "name": "Invalid"},
                {"id": 3, "name": "Duplication"}, {"id": 4, "name": "Cannot Reproduce"}]"#,
        ))
        .mount(&server)
        .await;
    let client = client_for(&server);
    let priorities = client.priorities().await.unwrap();
    assert_eq!(
        priorities
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        ["High", "Normal", "Low"]
    );
    let resolutions = client.resolutions().await.unwrap();
    assert_eq!(resolutions[0].id.get(), 0);
    assert_eq!(resolutions[0].name, "Fixed");
    assert_eq!(resolutions.len(), 5);
}

#[tokio::test]
async fn users_are_listed() {
    let server = serving(
        "/api/v2/users",
        &format!(r#"[{USER_JSON}, {{"id": 5, "userId": null, "name": "Old account"}}]"#),
    )
    .await;
    let users = client_for(&server).users().await.unwrap();
    assert_eq!(users.len(), 2);
    assert_eq!(users[0].login_id.as_deref(), Some("t.sato"));
    assert_eq!(users[0].mail_address.as_deref(), Some("t.sato@example.com"));
    assert_eq!(users[1].login_id, None);
}

#[tokio::test]
async fn user_activities_use_the_same_query_and_name_a_missing_user() {
    let server = serving("/api/v2/users/77/activities", ACTIVITIES_JSON).await;
    let activities = client_for(&server)
        .user_activities(UserId::new(77).unwrap(), &activity_query())
        .await
        .unwrap();
    assert_eq!(activities.len(), 3);
    assert_eq!(only_request(&server).await.query.len(), 6);

    let missing = MockServer::start().await;
    Mock::given(path("/api/v2/users/77/activities"))
        .respond_with(json_answer(
            404,
            r#"{"errors":[{"message":"No user.","code":6,"moreInfo":""}]}"#,
        ))
        .mount(&missing)
        .await;
    assert_eq!(
        client_for(&missing)
            .user_activities(UserId::new(77).unwrap(), &activity_query())
            .await
            .unwrap_err(),
        BacklogError::NotFound {
            what: "user 77".into(),
            message: "No user.".into()
        }
    );
}

#[tokio::test]
async fn star_counts_send_the_range_as_days() {
    let server = serving("/api/v2/users/77/stars/count", r#"{"count": 54}"#).await;
    let range = DateRange::new(
        Some(CalendarDate::parse("2026-01-01").unwrap()),
        Some(CalendarDate::parse("2026-03-31").unwrap()),
    )
    .unwrap();
    let count = client_for(&server)
        .received_star_count(UserId::new(77).unwrap(), &range)
        .await
        .unwrap();
    assert_eq!(count, 54);
    assert_eq!(
        only_request(&server).await.query,
        pairs(&[("since", "2026-01-01"), ("until", "2026-03-31")])
    );

    let open = serving("/api/v2/users/77/stars/count", r#"{"count": 60}"#).await;
    let all_time = client_for(&open)
        .received_star_count(UserId::new(77).unwrap(), &DateRange::default())
        .await
        .unwrap();
    assert_eq!(all_time, 60);
    assert!(only_request(&open).await.query.is_empty());
}
