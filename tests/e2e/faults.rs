//! The spawned server against a misbehaving Backlog: server errors, proxy
//! pages, dropped connections, answers slower than the timeout, rate limits,
//! issues added mid-scan. Every scenario also checks that the API key appears
//! nowhere: not in results, not on stderr at trace level.

use crate::support::{SECRET_KEY, ServerEnv, error_text, start, structured};
use fake_backlog::seed::{ADMIN, SATO, SMITH, SUZUKI};
use fake_backlog::{Bucket, FakeBacklog, Fault, Model, NewIssue, ScriptedFault};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

async fn generated(issues: usize) -> FakeBacklog {
    FakeBacklog::start(Model::generated(1, issues).with_api_key(SECRET_KEY)).await
}

fn env_for(backlog: &FakeBacklog) -> ServerEnv {
    ServerEnv::space(&backlog.base_url(), SECRET_KEY)
        .var("RUST_LOG", "trace")
        .var("BACKLOG_RETRY_BASE_MS", "10")
        .var("BACKLOG_RETRY_MAX_MS", "50")
}

fn everyone() -> Value {
    json!({"assignee_ids": [SATO, SUZUKI, SMITH, ADMIN], "status_ids": [1, 2, 3, 4]})
}

/// Calls `get_user_issue_list` for everyone and checks the key stayed secret.
async fn list_everything(env: ServerEnv) -> (Value, String) {
    let server = start(env).await;
    let result = server.call("get_user_issue_list", everyone()).await;
    assert!(!crate::support::text(&result).contains(SECRET_KEY));
    let answer = result.structured_content.clone().unwrap_or(Value::Null);
    let stderr = server.stop().await;
    assert!(!stderr.contains(SECRET_KEY), "the key leaked to stderr");
    (answer, stderr)
}

#[tokio::test]
async fn server_errors_proxy_pages_and_dropped_connections_are_retried() {
    let backlog = generated(500).await;
    let faults = backlog.faults();
    // The first count, the first page, the fourth page request and a later one fail.
    let count = ScriptedFault::new(
        "GET",
        "/api/v2/issues/count",
        Fault::backlog_error(500, 1, "Internal error."),
    );
    faults.script(count.exact());
    let lists = |fault: Fault| ScriptedFault::new("GET", "/api/v2/issues", fault).exact();
    faults.script(lists(Fault::html(502, "<html>Bad Gateway</html>")));
    faults.script(lists(Fault::Drop).after(2));
    faults.script(lists(Fault::empty(503)).after(1));
    let (answer, stderr) = list_everything(env_for(&backlog)).await;
    assert_eq!(answer["total"], 400);
    assert!(stderr.contains("retrying"), "retries are logged");
}

#[tokio::test]
async fn an_answer_slower_than_the_timeout_is_retried() {
    let backlog = generated(300).await;
    backlog.faults().script(ScriptedFault::new(
        "GET",
        "/api/v2/issues",
        Fault::Delay(Duration::from_secs(3)),
    ));
    let env = env_for(&backlog).var("BACKLOG_REQUEST_TIMEOUT_MS", "500");
    let (answer, _) = list_everything(env).await;
    assert_eq!(answer["total"], 240);
}

#[tokio::test]
async fn a_backlog_that_keeps_failing_gets_a_clear_error_counting_the_attempts() {
    let backlog = generated(100).await;
    backlog
        .faults()
        .script_times(ScriptedFault::any_method("/api/v2/", Fault::empty(503)), 50);
    let server = start(env_for(&backlog)).await;
    let message = error_text(&server.call("get_user_issue_list", everyone()).await);
    assert!(
        message.starts_with(
            "Backlog failed after 4 attempts: HTTP 503: \"Service Unavailable, with an empty body\""
        ),
        "{message}"
    );
    assert!(!server.stop().await.contains(SECRET_KEY));
}

#[tokio::test]
async fn rate_limits_are_paced_instead_of_provoking_429s() {
    let backlog = generated(1000).await;
    backlog
        .faults()
        .set_rate_limit(Bucket::Search, 6, Duration::from_secs(3));
    let started = Instant::now();
    let (answer, stderr) = list_everything(env_for(&backlog)).await;
    assert_eq!(answer["total"], 800);
    // One count, eight pages, one recount: ten searches at six per three
    // seconds (a window long enough that even a loaded machine sends six
    // within it, so the budget runs out and the client must wait).
    assert_eq!(
        backlog.request_count("GET", "/api/v2/issues"),
        10,
        "no 429 was retried"
    );
    assert!(
        started.elapsed() >= Duration::from_millis(2700),
        "it waited for a reset"
    );
    assert!(stderr.contains("waiting for the reset"), "pacing is logged");
    assert!(
        !stderr.contains("rate limited; retrying"),
        "no 429 was provoked"
    );
}

#[tokio::test]
async fn a_429_is_waited_out_and_retried() {
    let backlog = generated(200).await;
    let reset = (chrono::Utc::now().timestamp() + 2).to_string();
    backlog.faults().script(ScriptedFault::new(
        "GET",
        "/api/v2/issues",
        Fault::backlog_error(429, 13, "Too many requests.")
            .with_header("X-RateLimit-Remaining", "0")
            .with_header("X-RateLimit-Reset", &reset),
    ));
    let (answer, stderr) = list_everything(env_for(&backlog)).await;
    assert_eq!(answer["total"], 160);
    assert!(
        stderr.contains("rate limited; retrying after the reset"),
        "{stderr}"
    );
}

#[tokio::test]
async fn a_rate_limit_beyond_the_allowed_wait_says_when_to_come_back() {
    let backlog = generated(200).await;
    backlog
        .faults()
        .set_rate_limit(Bucket::Search, 1, Duration::from_secs(600));
    let env = env_for(&backlog).var("BACKLOG_RATE_LIMIT_MAX_WAIT_SECS", "2");
    let server = start(env).await;
    let started = Instant::now();
    let message = error_text(&server.call("get_user_issue_list", everyone()).await);
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(message.starts_with("rate limited by Backlog"), "{message}");
    assert!(
        message.contains("try again after") && message.contains("UTC"),
        "{message}"
    );
    assert!(!server.stop().await.contains(SECRET_KEY));
}

#[tokio::test]
async fn issues_added_during_a_scan_are_not_missed() {
    let backlog = generated(1000).await;
    let project = backlog
        .model()
        .inspect(|s| s.projects[0].project.key.to_string());
    let newcomers: Vec<NewIssue> = (0..30)
        .map(|n| NewIssue::new(project.clone(), format!("added mid-scan {n}")).assignee(SATO))
        .collect();
    backlog
        .faults()
        .insert_issues_after_list_requests(3, newcomers);
    let (answer, _) = list_everything(env_for(&backlog)).await;
    assert_eq!(answer["total"], 830);
    let added = answer["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["summary"].as_str().unwrap().starts_with("added mid-scan"))
        .count();
    assert_eq!(added, 30);
    // The recount noticed, so the scan ran a second pass.
    assert!(backlog.request_count("GET", "/api/v2/issues/count") >= 3);
}

#[tokio::test]
async fn more_matches_than_the_ceiling_is_an_error_that_suggests_narrowing() {
    let backlog = generated(1000).await;
    let env = env_for(&backlog).var("BACKLOG_SCAN_CEILING", "500");
    let server = start(env).await;
    let message = error_text(&server.call("get_user_issue_list", everyone()).await);
    assert!(
        message.starts_with("800 issues match, more than the 500"),
        "{message}"
    );
    assert!(message.contains("narrow the filters"), "{message}");
    server.stop().await;
    assert_eq!(backlog.request_count("GET", "/api/v2/issues/count"), 1);
    let lists = backlog.request_count("GET", "/api/v2/issues") - 1;
    assert_eq!(lists, 1, "only the first page, asked with the count");
}

#[tokio::test]
async fn a_bare_401_and_an_empty_204_are_understood() {
    let backlog = generated(10).await;
    backlog.faults().script(ScriptedFault::new(
        "GET",
        "/api/v2/issues/GEN1-1",
        Fault::empty(401).with_header("WWW-Authenticate", "Bearer error=\"invalid_token\""),
    ));
    backlog.faults().script(ScriptedFault::new(
        "GET",
        "/api/v2/issues/GEN1-2",
        Fault::empty(204),
    ));
    let server = start(env_for(&backlog)).await;
    let unauthorized = error_text(
        &server
            .call("get_issue_details", json!({"issue_key": "GEN1-1"}))
            .await,
    );
    assert!(
        unauthorized.starts_with("authentication failed: HTTP 401 (WWW-Authenticate: Bearer error=\"invalid_token\"). Check BACKLOG_API_KEY"),
        "{unauthorized}"
    );
    let empty = error_text(
        &server
            .call("get_issue_details", json!({"issue_key": "GEN1-2"}))
            .await,
    );
    assert!(
        empty.contains("HTTP 204") && empty.contains("empty"),
        "{empty}"
    );
    let fine = structured(
        &server
            .call("get_issue_details", json!({"issue_key": "GEN1-3"}))
            .await,
    );
    assert_eq!(fine["issueKey"], "GEN1-3");
    assert!(!server.stop().await.contains(SECRET_KEY));
}
