use crate::*;
use fake_backlog::{FakeBacklog, Fault, Model, ScriptedFault};
use std::error::Error as _;
use std::time::{Duration, Instant};

#[tokio::test]
async fn scripted_statuses_are_used_once_in_order() {
    let server = FakeBacklog::start(Model::demo()).await;
    let faults = server.faults();
    faults.script(ScriptedFault::new(
        "GET",
        "/api/v2/issues",
        Fault::backlog_error(500, 1, "Internal error."),
    ));
    faults.script(ScriptedFault::new(
        "GET",
        "/api/v2/issues",
        Fault::html(502, "<html><body>Bad Gateway</body></html>"),
    ));
    faults.script(ScriptedFault::new(
        "get",
        "/api/v2/issues",
        Fault::empty(503),
    ));
    assert_eq!(faults.pending(), 3);

    let first = get(&server, "/api/v2/issues").await;
    assert_eq!(first.status, 500);
    assert_eq!(backlog_error(&first), (1, "Internal error.".to_owned()));
    let second = get(&server, "/api/v2/issues/count").await;
    assert_eq!(second.status, 502);
    assert_eq!(second.header("content-type"), Some("text/html"));
    assert!(second.text.contains("Bad Gateway"));
    let third = get(&server, "/api/v2/issues").await;
    assert_eq!(third.status, 503);
    assert_eq!(third.text, "");
    // Scripted answers are exact: no rate-limit headers were added.
    assert_eq!(third.header("x-ratelimit-limit"), None);
    assert_eq!(get(&server, "/api/v2/issues").await.status, 200);
    assert_eq!(faults.pending(), 0);
}

#[tokio::test]
async fn method_path_and_exact_matching() {
    let server = FakeBacklog::start(Model::demo()).await;
    let faults = server.faults();
    faults.script(ScriptedFault::new("GET", "/api/v2/issues", Fault::empty(500)).exact());
    faults.script(ScriptedFault::new(
        "POST",
        "/api/v2/users",
        Fault::empty(500),
    ));
    // Neither matches these.
    assert_eq!(get(&server, "/api/v2/issues/count").await.status, 200);
    assert_eq!(get(&server, "/api/v2/users").await.status, 200);
    assert_eq!(get(&server, "/api/v2/issues").await.status, 500);
    assert_eq!(faults.pending(), 1);
}

#[tokio::test]
async fn delay_exceeds_a_client_timeout() {
    let server = FakeBacklog::start(Model::demo()).await;
    server.faults().script(ScriptedFault::new(
        "GET",
        "/api/v2/issues",
        Fault::Delay(Duration::from_secs(2)),
    ));
    let client = crate::client_builder()
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client
        .get(format!("{}/api/v2/issues", server.base_url()))
        .header("Backlog-API-Key", server.api_key())
        .send()
        .await
        .unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(1));
}

#[tokio::test]
async fn delay_then_answers_normally() {
    let server = FakeBacklog::start(Model::demo()).await;
    server.faults().script(ScriptedFault::new(
        "GET",
        "/api/v2/space",
        Fault::Delay(Duration::from_millis(300)),
    ));
    let started = Instant::now();
    let answer = get(&server, "/api/v2/space").await;
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(answer.status, 200);
    assert_eq!(answer.json()["spaceKey"], "demo");
}

#[tokio::test]
async fn drop_closes_the_connection_without_an_answer() {
    let server = FakeBacklog::start(Model::demo()).await;
    server
        .faults()
        .script(ScriptedFault::new("GET", "/api/v2/issues", Fault::Drop));
    let client = client();
    // Warm a pooled keep-alive connection first, so the drop hits a reused one too.
    let url = format!("{}/api/v2/issues", server.base_url());
    let warm = client
        .get(format!("{}/api/v2/space", server.base_url()))
        .header("Backlog-API-Key", server.api_key())
        .send()
        .await
        .unwrap();
    assert_eq!(warm.status(), 200);
    let err = client
        .get(&url)
        .header("Backlog-API-Key", server.api_key())
        .send()
        .await
        .unwrap_err();
    assert!(err.status().is_none(), "no HTTP status: {err:?}");
    assert!(err.is_request() || err.is_connect(), "{err:?}");
    let mut chain = String::new();
    let mut source: Option<&dyn std::error::Error> = err.source();
    while let Some(e) = source {
        chain.push_str(&format!("{e} / "));
        source = e.source();
    }
    assert!(
        chain.contains("closed") || chain.contains("reset") || chain.contains("incomplete"),
        "{chain}"
    );
    // The server itself is fine afterwards.
    let ok = client
        .get(&url)
        .header("Backlog-API-Key", server.api_key())
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    assert_eq!(server.request_count("GET", "/api/v2/issues"), 2);
}

#[tokio::test]
async fn latency_applies_to_every_answer() {
    let server = FakeBacklog::start(Model::demo()).await;
    server.faults().set_latency(Duration::from_millis(150));
    let started = Instant::now();
    get(&server, "/api/v2/users").await;
    get(&server, "/api/v2/nope").await;
    assert!(started.elapsed() >= Duration::from_millis(300));
    server.faults().set_latency(Duration::ZERO);
}

#[tokio::test]
async fn script_times_keeps_failing() {
    let server = FakeBacklog::start(Model::demo()).await;
    server
        .faults()
        .script_times(ScriptedFault::any_method("/api/v2/", Fault::empty(500)), 3);
    for _ in 0..3 {
        assert_eq!(get(&server, "/api/v2/users").await.status, 500);
    }
    assert_eq!(get(&server, "/api/v2/users").await.status, 200);
}

#[tokio::test]
async fn request_counts_per_route_and_stop_on_drop() {
    let server = FakeBacklog::start(Model::demo()).await;
    get(&server, "/api/v2/issues").await;
    get(&server, "/api/v2/issues/count").await;
    get(&server, "/api/v2/issues/WEB-1").await;
    get(&server, "/api/v2/users").await;
    assert_eq!(server.request_count("GET", "/api/v2/issues"), 3);
    assert_eq!(server.request_count("get", "/api/v2/issues/count"), 1);
    assert_eq!(server.request_count("POST", "/api/v2/issues"), 0);
    assert_eq!(server.total_requests(), 4);
    assert_eq!(server.route_counts()["GET /api/v2/issues/WEB-1"], 1);
    server.clear_requests();
    assert_eq!(server.total_requests(), 0);
    assert!(server.requests().is_empty());

    let url = format!("{}/api/v2/space", server.base_url());
    drop(server);
    tokio::time::sleep(Duration::from_millis(50)).await;
    let err = client().get(url).send().await.unwrap_err();
    assert!(err.is_connect() || err.is_request(), "{err:?}");
}
