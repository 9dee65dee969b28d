use crate::*;
use fake_backlog::{FakeBacklog, Space};

fn ids(v: &Value) -> Vec<i64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn count_and_default_page() {
    let server = FakeBacklog::start(Space::demo()).await;
    let count = get_json(&server, "/api/v2/issues/WEB-1/comments/count").await;
    assert_eq!(count, serde_json::json!({"count": 25}));
    let page = ids(&get_json(&server, "/api/v2/issues/WEB-1/comments").await);
    assert_eq!(page.len(), 20);
    assert!(
        page.windows(2).all(|w| w[0] > w[1]),
        "newest first by default"
    );
}

#[tokio::test]
async fn min_id_paging_ascending_walks_every_comment() {
    let server = FakeBacklog::start(Space::demo()).await;
    let mut seen = Vec::new();
    let mut min_id = 0;
    loop {
        let page = ids(&get_json(
            &server,
            &format!("/api/v2/issues/WEB-1/comments?order=asc&count=10&minId={min_id}"),
        )
        .await);
        if page.is_empty() {
            break;
        }
        assert!(page.iter().all(|&id| id > min_id), "minId is exclusive");
        min_id = *page.last().unwrap();
        seen.extend(page);
    }
    assert_eq!(seen.len(), 25);
    assert!(seen.windows(2).all(|w| w[0] < w[1]));
}

#[tokio::test]
async fn change_log_only_comments_have_empty_content() {
    let server = FakeBacklog::start(Space::demo()).await;
    let comments = get_json(&server, "/api/v2/issues/WEB-5/comments?order=asc").await;
    let last = &comments[1];
    assert_eq!(last["content"], "");
    assert_eq!(last["changeLog"][0]["field"], "status");
    assert_eq!(last["changeLog"][0]["originalValue"], "Resolved");
    assert_eq!(last["changeLog"][0]["newValue"], "Closed");
    assert_eq!(last["changeLog"][1]["originalValue"], Value::Null);
    // Plain comments have an empty change log.
    let plain = get_json(&server, "/api/v2/issues/WEB-3/comments").await;
    assert_eq!(plain[0]["changeLog"], serde_json::json!([]));
}

#[tokio::test]
async fn bad_parameters_and_missing_issue() {
    let server = FakeBacklog::start(Space::demo()).await;
    for query in ["count=0", "count=101", "order=sideways", "minId=x"] {
        let answer = get(&server, &format!("/api/v2/issues/WEB-1/comments?{query}")).await;
        assert_eq!(answer.status, 400, "{query}");
        assert_eq!(backlog_error(&answer).0, 7);
    }
    let answer = get(&server, "/api/v2/issues/WEB-404/comments").await;
    assert_eq!(answer.status, 404);
    assert_eq!(backlog_error(&answer), (6, "No issue.".to_owned()));
}

#[tokio::test]
async fn comments_added_at_run_time() {
    let server = FakeBacklog::start(Space::demo()).await;
    let added = server.space().add_comment("WEB-9", "First!", Vec::new());
    let comments = get_json(&server, "/api/v2/issues/WEB-9/comments").await;
    assert_eq!(ids(&comments), [added.id]);
    let one = get_json(
        &server,
        &format!("/api/v2/issues/WEB-9/comments/{}", added.id),
    )
    .await;
    assert_eq!(one["content"], "First!");
    let issue = get_json(&server, "/api/v2/issues/WEB-9").await;
    assert_eq!(issue["updated"], one["created"]);
}
