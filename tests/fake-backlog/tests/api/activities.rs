//! `GET /space/activities`, `/users/:id/activities`, `/projects/:p/activities`: the
//! seeded history, paging by id, type filters, the snake_case content shape, and the
//! activities writes append. Also `GET /users/:id/stars/count`.

use crate::*;
use fake_backlog::demo::{ADMIN, APP, BOT, SATO, SMITH, SUZUKI, WEB};
use fake_backlog::{FakeBacklog, Space};

fn ids(list: &Value) -> Vec<i64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .collect()
}

fn members(v: &Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

const SEEDED: usize = 68;

#[tokio::test]
async fn shape_of_issue_and_other_activities() {
    let server = FakeBacklog::start(Space::demo()).await;
    let all = get_json(&server, "/api/v2/space/activities?count=100").await;
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), SEEDED);
    for a in all {
        assert_eq!(
            members(a),
            [
                "id",
                "project",
                "type",
                "content",
                "notifications",
                "createdUser",
                "created"
            ]
        );
        assert_eq!(a["notifications"], serde_json::json!([]));
        assert!(a["project"]["projectKey"].is_string());
    }
    let updated = all
        .iter()
        .find(|a| a["type"] == 2 && a["content"]["changes"][0]["field"] == "status")
        .unwrap();
    assert_eq!(
        members(&updated["content"]),
        [
            "id",
            "key_id",
            "summary",
            "description",
            "comment",
            "changes",
            "attachments",
            "shared_files",
            "external_file_links"
        ]
    );
    let change = &updated["content"]["changes"][0];
    assert_eq!(members(change), ["field", "new_value", "old_value", "type"]);
    assert_eq!(change["type"], "standard");
    assert!(
        change["new_value"].as_str().unwrap().parse::<i64>().is_ok(),
        "status ids: {change}"
    );
    assert_eq!(members(&updated["content"]["comment"]), ["id", "content"]);
    let created = all.iter().find(|a| a["type"] == 1).unwrap();
    assert_eq!(created["content"]["comment"], Value::Null);
    assert!(created["content"]["key_id"].is_i64());

    let milestone = all.iter().find(|a| a["type"] == 22).unwrap();
    assert_eq!(
        milestone["content"],
        serde_json::json!({"id": fake_backlog::demo::SPRINT_13, "name": "Sprint 13", "start_date": null, "reference_date": "2024-06-28", "description": ""})
    );
    let wiki = all.iter().find(|a| a["type"] == 5).unwrap();
    assert_eq!(wiki["createdUser"]["id"], SUZUKI);
    assert_eq!(
        members(&wiki["content"]),
        [
            "id",
            "name",
            "content",
            "diff",
            "version",
            "attachments",
            "shared_files"
        ]
    );
    let member = all.iter().find(|a| a["type"] == 15).unwrap();
    assert_eq!(member["project"]["id"], APP);
    assert_eq!(member["content"]["users"][0]["id"], BOT);
}

#[tokio::test]
async fn paging_by_id_both_ways() {
    let server = FakeBacklog::start(Space::demo()).await;
    let first = ids(&get_json(&server, "/api/v2/space/activities").await);
    assert_eq!(first.len(), 20);
    assert!(first.windows(2).all(|w| w[0] > w[1]), "newest first");
    // Walk back with maxId (exclusive).
    let mut seen = first.clone();
    loop {
        let max_id = *seen.last().unwrap();
        let page = ids(&get_json(
            &server,
            &format!("/api/v2/space/activities?maxId={max_id}&count=25"),
        )
        .await);
        if page.is_empty() {
            break;
        }
        assert!(page.iter().all(|&id| id < max_id));
        seen.extend(page);
    }
    assert_eq!(seen.len(), SEEDED);
    // Forward with minId (exclusive) and order=asc.
    let oldest = *seen.last().unwrap();
    let next = ids(&get_json(
        &server,
        &format!("/api/v2/space/activities?minId={oldest}&order=asc&count=3"),
    )
    .await);
    assert_eq!(next.len(), 3);
    assert!(next[0] > oldest && next.windows(2).all(|w| w[0] < w[1]));
    // Seeded activities are in time order.
    let all = get_json(&server, "/api/v2/space/activities?count=100&order=asc").await;
    let times: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["created"].as_str().unwrap())
        .collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]));
}

#[tokio::test]
async fn type_user_and_project_filters() {
    let server = FakeBacklog::start(Space::demo()).await;
    let created = get_json(
        &server,
        "/api/v2/space/activities?activityTypeId[]=1&count=100",
    )
    .await;
    assert_eq!(created.as_array().unwrap().len(), 30);
    let two = get_json(
        &server,
        "/api/v2/space/activities?activityTypeId%5B%5D=22&activityTypeId[]=5",
    )
    .await;
    let types: Vec<i64> = two
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["type"].as_i64().unwrap())
        .collect();
    assert_eq!(types, [5, 22]);

    let mine = get_json(
        &server,
        &format!("/api/v2/users/{SATO}/activities?count=100"),
    )
    .await;
    let mine = mine.as_array().unwrap();
    assert_eq!(mine.len(), 10, "Sato's comments");
    assert!(mine.iter().all(|a| a["createdUser"]["id"] == SATO));
    let suzuki = get_json(
        &server,
        &format!("/api/v2/users/{SUZUKI}/activities?activityTypeId[]=5"),
    )
    .await;
    assert_eq!(suzuki.as_array().unwrap().len(), 1);
    let admin = get_json(
        &server,
        &format!("/api/v2/users/{ADMIN}/activities?count=100"),
    )
    .await;
    assert!(admin.as_array().unwrap().iter().any(|a| a["type"] == 22));
    let smith = get_json(
        &server,
        &format!("/api/v2/users/{SMITH}/activities?count=3"),
    )
    .await;
    assert_eq!(smith.as_array().unwrap().len(), 3);

    let app = get_json(&server, "/api/v2/projects/APP/activities?count=100").await;
    assert!(
        app.as_array()
            .unwrap()
            .iter()
            .all(|a| a["project"]["id"] == APP)
    );
    let web = get_json(
        &server,
        &format!("/api/v2/projects/{WEB}/activities?count=100"),
    )
    .await;
    assert_eq!(
        app.as_array().unwrap().len() + web.as_array().unwrap().len() + 2,
        SEEDED,
        "the OLD project has two"
    );
}

#[tokio::test]
async fn bad_parameters_and_unknown_users() {
    let server = FakeBacklog::start(Space::demo()).await;
    for query in [
        "count=0",
        "count=101",
        "order=new",
        "minId=x",
        "activityTypeId[]=x",
    ] {
        let answer = get(&server, &format!("/api/v2/space/activities?{query}")).await;
        assert_eq!(answer.status, 400, "{query}");
        assert_eq!(backlog_error(&answer).0, 7);
    }
    let answer = get(&server, "/api/v2/users/42/activities").await;
    assert_eq!(backlog_error(&answer), (6, "No user.".to_owned()));
    let answer = get(&server, "/api/v2/projects/NOPE/activities").await;
    assert_eq!(backlog_error(&answer), (6, "No project.".to_owned()));
}

async fn newest(server: &FakeBacklog) -> Value {
    get_json(server, "/api/v2/space/activities?count=1").await[0].clone()
}

#[tokio::test]
async fn writes_append_activities() {
    let server = FakeBacklog::start(Space::demo()).await;
    let before = newest(&server).await["id"].as_i64().unwrap();
    let issue = form_json(
        &server,
        "POST",
        "/api/v2/issues",
        &format!(
            "projectId={APP}&summary=Offline+sync&issueTypeId={}&priorityId=3",
            fake_backlog::demo::APP_TASK
        ),
        201,
    )
    .await;
    let a = newest(&server).await;
    assert!(a["id"].as_i64().unwrap() > before);
    assert_eq!(
        (a["type"].as_i64(), &a["content"]["summary"]),
        (Some(1), &serde_json::json!("Offline sync"))
    );
    assert_eq!(a["createdUser"]["id"], SATO);
    assert_eq!(a["created"], issue["created"]);
    assert_eq!(a["project"]["id"], APP);

    form_json(
        &server,
        "PATCH",
        "/api/v2/issues/APP-11",
        "statusId=4&comment=Done",
        200,
    )
    .await;
    let a = newest(&server).await;
    assert_eq!(a["type"], 2);
    assert_eq!(a["content"]["changes"][0]["old_value"], "1");
    assert_eq!(a["content"]["changes"][0]["new_value"], "4");

    form_json(
        &server,
        "POST",
        "/api/v2/issues/APP-11/comments",
        "content=Thanks",
        201,
    )
    .await;
    assert_eq!(newest(&server).await["type"], 3);

    form_json(&server, "DELETE", "/api/v2/issues/APP-11", "", 200).await;
    let a = newest(&server).await;
    assert_eq!(a["type"], 4);
    assert_eq!(a["content"]["key_id"], 11);

    let version = form_json(
        &server,
        "POST",
        "/api/v2/projects/APP/versions",
        "name=3.0.0",
        200,
    )
    .await;
    let a = newest(&server).await;
    assert_eq!(a["type"], 22);
    assert_eq!(a["content"]["id"], version["id"]);
    // Mine now include them.
    let mine = get_json(
        &server,
        &format!("/api/v2/users/{SATO}/activities?minId={before}&order=asc"),
    )
    .await;
    let types: Vec<i64> = mine
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["type"].as_i64().unwrap())
        .collect();
    assert_eq!(types, [1, 2, 3, 4, 22]);
    assert_eq!(server.space().activities().len(), SEEDED + 5);
}

#[tokio::test]
async fn received_star_counts() {
    let server = FakeBacklog::start(Space::demo()).await;
    let stars = |user: i64, query: &'static str| {
        let server = &server;
        async move {
            get_json(server, &format!("/api/v2/users/{user}/stars/count?{query}")).await["count"]
                .as_u64()
                .unwrap()
        }
    };
    // Sato's comments got four stars; Suzuki's one; Admin's issue WEB-2 one.
    assert_eq!(stars(SATO, "").await, 4);
    assert_eq!(stars(SUZUKI, "").await, 1);
    assert_eq!(stars(ADMIN, "").await, 1);
    assert_eq!(stars(SMITH, "").await, 0);
    let all_days = stars(SATO, "since=2024-05-01&until=2024-07-31").await;
    assert_eq!(all_days, 4);
    let early = stars(SATO, "until=2024-05-21").await;
    let late = stars(SATO, "since=2024-05-22").await;
    assert_eq!(early + late, 4);
    assert!(early > 0 && late > 0, "{early} + {late}");
    assert_eq!(stars(SATO, "since=2030-01-01").await, 0);
    for query in ["since=2024/05/01", "until=x"] {
        let answer = get(
            &server,
            &format!("/api/v2/users/{SATO}/stars/count?{query}"),
        )
        .await;
        assert_eq!(answer.status, 400, "{query}");
    }
    let answer = get(&server, "/api/v2/users/7/stars/count").await;
    assert_eq!(backlog_error(&answer), (6, "No user.".to_owned()));
    // The stars show on the comments.
    let comments = get_json(&server, "/api/v2/issues/WEB-2/comments?order=asc").await;
    assert_eq!(comments[0]["stars"][0]["presenter"]["id"], SMITH);
}
