//! Watchings: list (sort, order, paging, filters), count, one, add, update, delete,
//! markAsRead (204), ownership (403 / code 5) and the JSON shape.

use crate::*;
use fake_backlog::demo::{
    SATO, SMITH, SUZUKI, WATCHING_APP_2, WATCHING_APP_6, WATCHING_SUZUKI_WEB_3, WATCHING_WEB_2,
    WATCHING_WEB_8, WATCHING_WEB_12,
};
use fake_backlog::{FakeBacklog, Space};

fn ids(list: &Value) -> Vec<i64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|w| w["id"].as_i64().unwrap())
        .collect()
}

async fn count(server: &FakeBacklog, user: i64, query: &str) -> u64 {
    get_json(
        server,
        &format!("/api/v2/users/{user}/watchings/count?{query}"),
    )
    .await["count"]
        .as_u64()
        .unwrap()
}

#[tokio::test]
async fn shape_with_the_full_issue() {
    let server = FakeBacklog::start(Space::demo()).await;
    let w = get_json(&server, &format!("/api/v2/watchings/{WATCHING_WEB_2}")).await;
    let members: Vec<&str> = w.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        members,
        [
            "id",
            "resourceAlreadyRead",
            "note",
            "type",
            "issue",
            "lastContentUpdated",
            "created",
            "updated"
        ]
    );
    assert_eq!(w["id"], WATCHING_WEB_2);
    assert_eq!(w["type"], "issue");
    assert_eq!(w["resourceAlreadyRead"], false);
    assert_eq!(w["note"], "Customer is waiting for the Safari fix");
    let issue = get_json(&server, "/api/v2/issues/WEB-2").await;
    assert_eq!(w["issue"], issue);
    assert_eq!(w["lastContentUpdated"], issue["updated"]);
    for member in ["created", "updated", "lastContentUpdated"] {
        assert!(w[member].as_str().unwrap().ends_with('Z'), "{member}");
    }
    for missing in ["9999", "abc"] {
        let answer = get(&server, &format!("/api/v2/watchings/{missing}")).await;
        assert_eq!(answer.status, 404);
        assert_eq!(backlog_error(&answer), (6, "No watching.".to_owned()));
    }
}

#[tokio::test]
async fn list_sorts_pages_and_filters() {
    let server = FakeBacklog::start(Space::demo()).await;
    let base = format!("/api/v2/users/{SATO}/watchings");
    // Default: by the issue's last update, newest first.
    let all = get_json(&server, &base).await;
    assert_eq!(all.as_array().unwrap().len(), 5);
    let updated: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["issue"]["updated"].as_str().unwrap())
        .collect();
    let mut sorted = updated.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(updated, sorted);
    assert_eq!(
        ids(&get_json(&server, &format!("{base}?sort=created&order=asc")).await),
        [
            WATCHING_WEB_2,
            WATCHING_WEB_8,
            WATCHING_WEB_12,
            WATCHING_APP_2,
            WATCHING_APP_6
        ]
    );
    let desc = ids(&get_json(&server, &format!("{base}?sort=created")).await);
    assert_eq!(desc.first(), Some(&WATCHING_APP_6));
    // Paging.
    let page = ids(&get_json(
        &server,
        &format!("{base}?sort=created&order=asc&count=2&offset=2"),
    )
    .await);
    assert_eq!(page, [WATCHING_WEB_12, WATCHING_APP_2]);
    // Filters.
    let mut unread = ids(&get_json(&server, &format!("{base}?resourceAlreadyRead=false")).await);
    unread.sort();
    assert_eq!(unread, [WATCHING_WEB_2, WATCHING_APP_2]);
    assert_eq!(
        get_json(&server, &format!("{base}?resourceAlreadyRead=true"))
            .await
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let web_8 = get_json(&server, "/api/v2/issues/WEB-8").await["id"].clone();
    let web_2 = get_json(&server, "/api/v2/issues/WEB-2").await["id"].clone();
    let mut by_issue = ids(&get_json(
        &server,
        &format!("{base}?issueId[]={web_8}&issueId%5B%5D={web_2}"),
    )
    .await);
    by_issue.sort();
    assert_eq!(by_issue, [WATCHING_WEB_2, WATCHING_WEB_8]);
    // Other users.
    assert_eq!(
        ids(&get_json(&server, &format!("/api/v2/users/{SUZUKI}/watchings")).await),
        [WATCHING_SUZUKI_WEB_3]
    );
    assert_eq!(
        get_json(&server, &format!("/api/v2/users/{SMITH}/watchings")).await,
        serde_json::json!([])
    );
}

#[tokio::test]
async fn list_and_count_validation() {
    let server = FakeBacklog::start(Space::demo()).await;
    for query in [
        "sort=name",
        "order=up",
        "count=0",
        "count=101",
        "offset=-1",
        "resourceAlreadyRead=yes",
        "issueId[]=x",
    ] {
        let answer = get(&server, &format!("/api/v2/users/{SATO}/watchings?{query}")).await;
        assert_eq!(answer.status, 400, "{query}");
        assert_eq!(backlog_error(&answer).0, 7);
    }
    for path in [
        "/api/v2/users/1/watchings",
        "/api/v2/users/myself/watchings",
        "/api/v2/users/1/watchings/count",
    ] {
        let answer = get(&server, path).await;
        assert_eq!(answer.status, 404, "{path}");
        assert_eq!(backlog_error(&answer), (6, "No user.".to_owned()));
    }
}

#[tokio::test]
async fn count_filters() {
    let server = FakeBacklog::start(Space::demo()).await;
    assert_eq!(count(&server, SATO, "").await, 5);
    assert_eq!(count(&server, SATO, "resourceAlreadyRead=false").await, 2);
    assert_eq!(count(&server, SATO, "resourceAlreadyRead=true").await, 3);
    assert_eq!(count(&server, SATO, "alreadyRead=false").await, 1);
    // With both, resourceAlreadyRead is ignored.
    assert_eq!(
        count(&server, SATO, "alreadyRead=true&resourceAlreadyRead=false").await,
        4
    );
    assert_eq!(count(&server, SUZUKI, "").await, 1);
    assert_eq!(count(&server, SMITH, "").await, 0);
}

#[tokio::test]
async fn add_update_delete() {
    let server = FakeBacklog::start(Space::demo()).await;
    let added = form_json(
        &server,
        "POST",
        "/api/v2/watchings",
        &format!("issueIdOrKey=WEB-5&note={}", enc("CDN の様子を見る")),
        200,
    )
    .await;
    assert_eq!(added["note"], "CDN の様子を見る");
    assert_eq!(added["issue"]["issueKey"], "WEB-5");
    assert_eq!(added["resourceAlreadyRead"], true);
    assert_eq!(added["created"], added["updated"]);
    let id = added["id"].as_i64().unwrap();
    assert!(id > WATCHING_SUZUKI_WEB_3);
    assert_eq!(count(&server, SATO, "").await, 6);
    assert_eq!(
        get_json(&server, &format!("/api/v2/watchings/{id}")).await,
        added
    );
    // By id too, and without a note.
    let web_6 = get_json(&server, "/api/v2/issues/WEB-6").await["id"].clone();
    let by_id = form_json(
        &server,
        "POST",
        "/api/v2/watchings",
        &format!("issueIdOrKey={web_6}"),
        200,
    )
    .await;
    assert_eq!(by_id["note"], "");

    for body in [
        "",
        "issueIdOrKey=",
        "issueIdOrKey=WEB-5",
        "issueIdOrKey=WEB-2",
    ] {
        expect_invalid(&server, "POST", "/api/v2/watchings", body, "issueIdOrKey").await;
    }
    // Someone else watching an issue does not stop me.
    form_json(
        &server,
        "POST",
        "/api/v2/watchings",
        "issueIdOrKey=WEB-3",
        200,
    )
    .await;

    let updated = form_json(
        &server,
        "PATCH",
        &format!("/api/v2/watchings/{id}"),
        "note=Done",
        200,
    )
    .await;
    assert_eq!(updated["note"], "Done");
    assert_eq!(updated["created"], added["created"]);
    assert!(updated["updated"].as_str() > added["updated"].as_str());
    let cleared = form_json(
        &server,
        "PATCH",
        &format!("/api/v2/watchings/{id}"),
        "note=",
        200,
    )
    .await;
    assert_eq!(cleared["note"], "");
    let unchanged = form_json(
        &server,
        "PATCH",
        &format!("/api/v2/watchings/{id}"),
        "",
        200,
    )
    .await;
    assert_eq!(unchanged, cleared);

    let deleted = form_json(
        &server,
        "DELETE",
        &format!("/api/v2/watchings/{id}"),
        "",
        200,
    )
    .await;
    assert_eq!(deleted, cleared);
    assert_eq!(
        get(&server, &format!("/api/v2/watchings/{id}"))
            .await
            .status,
        404
    );
    assert_eq!(
        form(&server, "DELETE", &format!("/api/v2/watchings/{id}"), "")
            .await
            .status,
        404
    );
    assert!(server.space().watching(id).is_none());
}

#[tokio::test]
async fn mark_as_read_is_204_without_a_body() {
    let server = FakeBacklog::start(Space::demo()).await;
    let answer = form(
        &server,
        "POST",
        &format!("/api/v2/watchings/{WATCHING_APP_2}/markAsRead"),
        "",
    )
    .await;
    assert_eq!(answer.status, 204);
    assert_eq!(answer.text, "");
    assert_eq!(answer.header("content-type"), None);
    assert_eq!(
        answer.header_u64("x-ratelimit-limit"),
        150,
        "an update request"
    );
    let w = get_json(&server, &format!("/api/v2/watchings/{WATCHING_APP_2}")).await;
    assert_eq!(w["resourceAlreadyRead"], true);
    assert_eq!(count(&server, SATO, "resourceAlreadyRead=false").await, 1);
    assert_eq!(count(&server, SATO, "alreadyRead=false").await, 0);
    // Again: still 204.
    let again = form(
        &server,
        "POST",
        &format!("/api/v2/watchings/{WATCHING_APP_2}/markAsRead"),
        "",
    )
    .await;
    assert_eq!(again.status, 204);
    let missing = form(&server, "POST", "/api/v2/watchings/9999/markAsRead", "").await;
    assert_eq!(missing.status, 404);
}

#[tokio::test]
async fn issue_changes_reach_watchings() {
    let server = FakeBacklog::start(Space::demo()).await;
    // Sato (myself) changes WEB-3, which Suzuki watches: unread for her.
    let issue = form_json(&server, "PATCH", "/api/v2/issues/WEB-3", "statusId=2", 200).await;
    let suzuki = server.space().watching(WATCHING_SUZUKI_WEB_3).unwrap();
    assert!(!suzuki.resource_already_read);
    assert_eq!(
        suzuki
            .last_content_updated
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string(),
        issue["updated"]
    );
    // My own change does not make my watching unread, but moves lastContentUpdated.
    let comment = form_json(
        &server,
        "POST",
        "/api/v2/issues/WEB-8/comments",
        "content=ok",
        201,
    )
    .await;
    let mine = get_json(&server, &format!("/api/v2/watchings/{WATCHING_WEB_8}")).await;
    assert_eq!(mine["resourceAlreadyRead"], true);
    assert_eq!(mine["lastContentUpdated"], comment["created"]);
}
