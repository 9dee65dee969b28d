//! `GET / POST /issues/:k/relatedIssues`, `DELETE /issues/:k/relatedIssues/:id`:
//! symmetric links, `type: "RELATES"`, validation.

use crate::*;
use fake_backlog::{FakeBacklog, Space};

async fn related_keys(server: &FakeBacklog, key: &str) -> Vec<String> {
    keys(&get_json(server, &format!("/api/v2/issues/{key}/relatedIssues")).await)
}

async fn id_of(server: &FakeBacklog, key: &str) -> i64 {
    get_json(server, &format!("/api/v2/issues/{key}")).await["id"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn seeded_links_are_symmetric_and_typed() {
    let server = FakeBacklog::start(Space::demo()).await;
    let listed = get_json(&server, "/api/v2/issues/WEB-2/relatedIssues").await;
    assert_eq!(keys(&listed), ["WEB-3"]);
    assert_eq!(listed[0]["type"], "RELATES");
    // The rest is the full issue.
    let mut issue = listed[0].clone();
    issue.as_object_mut().unwrap().remove("type");
    assert_eq!(issue, get_json(&server, "/api/v2/issues/WEB-3").await);
    assert_eq!(related_keys(&server, "WEB-3").await, ["WEB-2"]);
    assert_eq!(related_keys(&server, "WEB-13").await, ["WEB-12"]);
    assert!(related_keys(&server, "WEB-1").await.is_empty());
    let missing = get(&server, "/api/v2/issues/WEB-404/relatedIssues").await;
    assert_eq!(missing.status, 404);
}

#[tokio::test]
async fn add_and_remove() {
    let server = FakeBacklog::start(Space::demo()).await;
    let app_2 = id_of(&server, "APP-2").await;
    let added = form_json(
        &server,
        "POST",
        "/api/v2/issues/WEB-2/relatedIssues",
        &format!("targetIssueId={app_2}"),
        200,
    )
    .await;
    assert_eq!(added["issueKey"], "APP-2");
    assert_eq!(added["type"], "RELATES");
    assert_eq!(related_keys(&server, "WEB-2").await, ["WEB-3", "APP-2"]);
    assert_eq!(related_keys(&server, "APP-2").await, ["WEB-2"]);
    assert_eq!(
        server.space().related_issues("APP-2")[0].summary,
        "Login button does nothing on Safari"
    );

    // Removing from either side, by id or key.
    let web_2 = id_of(&server, "WEB-2").await;
    let removed = form_json(
        &server,
        "DELETE",
        &format!("/api/v2/issues/APP-2/relatedIssues/{web_2}"),
        "",
        200,
    )
    .await;
    assert_eq!(removed["issueKey"], "WEB-2");
    assert_eq!(related_keys(&server, "WEB-2").await, ["WEB-3"]);
    assert!(related_keys(&server, "APP-2").await.is_empty());
    let again = form(
        &server,
        "DELETE",
        &format!("/api/v2/issues/APP-2/relatedIssues/{web_2}"),
        "",
    )
    .await;
    assert_eq!(again.status, 404);
    assert_eq!(backlog_error(&again).0, 6);
    form_json(
        &server,
        "DELETE",
        "/api/v2/issues/WEB-3/relatedIssues/WEB-2",
        "",
        200,
    )
    .await;
    assert!(related_keys(&server, "WEB-2").await.is_empty());
}

#[tokio::test]
async fn add_validation() {
    let server = FakeBacklog::start(Space::demo()).await;
    let web_2 = id_of(&server, "WEB-2").await;
    let web_3 = id_of(&server, "WEB-3").await;
    for body in [
        String::new(),
        "targetIssueId=".to_owned(),
        "targetIssueId=abc".to_owned(),
        "targetIssueId=1".to_owned(),
        format!("targetIssueId={web_2}"),
        format!("targetIssueId={web_3}"),
    ] {
        expect_invalid(
            &server,
            "POST",
            "/api/v2/issues/WEB-2/relatedIssues",
            &body,
            "targetIssueId",
        )
        .await;
    }
    assert_eq!(related_keys(&server, "WEB-2").await, ["WEB-3"]);
}
