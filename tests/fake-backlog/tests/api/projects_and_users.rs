use crate::*;
use fake_backlog::demo::{IN_REVIEW, SATO, WEB};
use fake_backlog::{FakeBacklog, Space};

#[tokio::test]
async fn projects_and_the_archived_parameter() {
    let server = FakeBacklog::start(Space::demo()).await;
    let key_list = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|p| p["projectKey"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        key_list(&get_json(&server, "/api/v2/projects").await),
        ["WEB", "APP", "OLD"]
    );
    assert_eq!(
        key_list(&get_json(&server, "/api/v2/projects?archived=false").await),
        ["WEB", "APP"]
    );
    assert_eq!(
        key_list(&get_json(&server, "/api/v2/projects?archived=true").await),
        ["OLD"]
    );
    let by_key = get_json(&server, "/api/v2/projects/WEB").await;
    let by_id = get_json(&server, &format!("/api/v2/projects/{WEB}")).await;
    assert_eq!(by_key, by_id);
    let missing = get(&server, "/api/v2/projects/NOPE/statuses").await;
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.text,
        r#"{"errors":[{"message":"No project.","code":6,"moreInfo":""}]}"#
    );
}

#[tokio::test]
async fn statuses_defaults_plus_custom_in_display_order() {
    let server = FakeBacklog::start(Space::demo()).await;
    let statuses = get_json(&server, "/api/v2/projects/WEB/statuses").await;
    let names: Vec<&str> = statuses
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Open", "In Progress", "In Review", "Resolved", "Closed"]
    );
    assert_eq!(statuses[2]["id"], IN_REVIEW);
    assert_eq!(
        statuses[0],
        serde_json::json!({"id": 1, "projectId": WEB, "name": "Open", "color": "#ed8077", "displayOrder": 1000})
    );
    let app = get_json(&server, "/api/v2/projects/APP/statuses").await;
    assert_eq!(app.as_array().unwrap().len(), 4);
}

#[tokio::test]
async fn project_settings_lists() {
    let server = FakeBacklog::start(Space::demo()).await;
    let types = get_json(&server, "/api/v2/projects/WEB/issueTypes").await;
    assert_eq!(types.as_array().unwrap().len(), 4);
    assert_eq!(types[0]["templateSummary"], Value::Null);
    assert_eq!(types[1]["templateSummary"], "Bug: ");
    let categories = get_json(&server, "/api/v2/projects/WEB/categories").await;
    assert_eq!(categories[0]["name"], "Frontend");
    let versions = get_json(&server, "/api/v2/projects/WEB/versions").await;
    assert_eq!(versions[0]["releaseDueDate"], "2024-05-31T00:00:00Z");
    assert_eq!(versions[3]["startDate"], Value::Null);
    let fields = get_json(&server, "/api/v2/projects/WEB/customFields").await;
    let type_ids: Vec<i64> = fields
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["typeId"].as_i64().unwrap())
        .collect();
    assert_eq!(type_ids, [3, 5, 6, 4, 1, 8]);
    assert_eq!(fields[1]["items"][1]["name"], "Safari");
    assert_eq!(fields[2]["useIssueType"], true);
    assert_eq!(fields[5]["allowInput"], true, "radio with an other value");
    assert_eq!(
        get_json(&server, "/api/v2/projects/APP/customFields").await,
        serde_json::json!([])
    );
    let members = get_json(&server, "/api/v2/projects/OLD/users").await;
    assert_eq!(members.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn users() {
    let server = FakeBacklog::start(Space::demo()).await;
    let users = get_json(&server, "/api/v2/users").await;
    assert_eq!(users.as_array().unwrap().len(), 5);
    let me = get_json(&server, "/api/v2/users/myself").await;
    assert_eq!(me["id"], SATO);
    assert_eq!(me["keyword"], "Taro Sato SATO TARO");
    assert_eq!(
        get_json(&server, &format!("/api/v2/users/{SATO}")).await,
        me
    );
    let bot = &users[4];
    assert_eq!(bot["userId"], Value::Null);
    assert_eq!(bot["lang"], Value::Null);
    assert_eq!(bot["lastLoginTime"], Value::Null);
    for missing in ["1", "t.sato"] {
        let answer = get(&server, &format!("/api/v2/users/{missing}")).await;
        assert_eq!(answer.status, 404);
        assert_eq!(backlog_error(&answer), (6, "No user.".to_owned()));
    }
}

#[tokio::test]
async fn global_lists_and_space() {
    let server = FakeBacklog::start(Space::demo()).await;
    assert_eq!(
        get_json(&server, "/api/v2/priorities").await,
        serde_json::json!([{"id": 2, "name": "High"}, {"id": 3, "name": "Normal"}, {"id": 4, "name": "Low"}])
    );
    let resolutions = get_json(&server, "/api/v2/resolutions").await;
    assert_eq!(
        resolutions[0],
        serde_json::json!({"id": 0, "name": "Fixed"})
    );
    assert_eq!(resolutions.as_array().unwrap().len(), 5);
    let space = get_json(&server, "/api/v2/space").await;
    assert_eq!(space["spaceKey"], "acme");
    assert_eq!(space["created"], "2019-03-01T02:00:00Z");
}

#[tokio::test]
async fn unknown_routes_and_methods() {
    let server = FakeBacklog::start(Space::demo()).await;
    let answer = get(&server, "/api/v2/wikis").await;
    assert_eq!(answer.status, 404);
    assert_eq!(backlog_error(&answer).0, 6);
    let answer = get(&server, "/somewhere/else").await;
    assert_eq!(answer.status, 404);
    let answer = send(
        client()
            .put(format!("{}/api/v2/issues/WEB-1", server.base_url()))
            .header("Backlog-API-Key", server.api_key()),
    )
    .await;
    assert_eq!(answer.status, 405);
    assert_eq!(backlog_error(&answer).0, 7);
    // Counted against the update bucket.
    assert_eq!(answer.header_u64("x-ratelimit-limit"), 150);
}
