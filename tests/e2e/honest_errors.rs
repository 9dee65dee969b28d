//! Errors that tell the truth: a request too large to send is an argument error
//! naming the parameter, sent nowhere and never retried; a write answered 5xx
//! says it may or may not have been applied.

use crate::support::{SECRET_KEY, ServerEnv, error_text, start, structured};
use fake_backlog::{FakeBacklog, Fault, Model, ScriptedFault};
use serde_json::json;

async fn demo_backlog() -> FakeBacklog {
    FakeBacklog::start(Model::demo().with_api_key(SECRET_KEY)).await
}

fn env_for(backlog: &FakeBacklog) -> ServerEnv {
    ServerEnv::space(&backlog.base_url(), SECRET_KEY)
        .var("BACKLOG_RETRY_BASE_MS", "5")
        .var("BACKLOG_RETRY_MAX_MS", "20")
}

#[tokio::test]
async fn a_100k_character_keyword_is_an_argument_error_and_nothing_is_sent() {
    let backlog = demo_backlog().await;
    let server = start(env_for(&backlog)).await;
    let keyword = "k".repeat(100_000);
    let result = server.call("get_issues", json!({"keyword": keyword})).await;
    let message = error_text(&result);
    assert!(
        message.starts_with("invalid argument `keyword`: too large to send to Backlog"),
        "{message}"
    );
    assert!(message.contains("shorten it"), "{message}");
    assert!(
        message.len() < 1_000,
        "the value is not echoed: {} bytes",
        message.len()
    );
    assert_eq!(
        backlog.total_requests(),
        0,
        "nothing was sent: {:?}",
        backlog.route_counts()
    );
    // The server keeps answering.
    let found = structured(
        &server
            .call("get_issues", json!({"keyword": "login", "count": 5}))
            .await,
    );
    assert!(found["issues"].is_array(), "{found:?}");
    assert_eq!(backlog.request_count("GET", "/api/v2/issues"), 1);
    let stderr = server.stop().await;
    assert!(
        !stderr.contains("after 4 attempts"),
        "never retried: {stderr}"
    );
}

#[tokio::test]
async fn a_proxy_error_answering_a_write_says_it_may_have_been_applied() {
    let backlog = demo_backlog().await;
    let server = start(env_for(&backlog)).await;
    for status in [502, 503, 504] {
        backlog.faults().script(ScriptedFault::new(
            "PATCH",
            "/api/v2/issues/",
            Fault::html(status, "<html>Gateway</html>"),
        ));
        let message = error_text(
            &server
                .call(
                    "update_issue",
                    json!({"issueKey": "WEB-1", "summary": "renamed"}),
                )
                .await,
        );
        assert!(
            message.starts_with(&format!("Backlog answered a write with HTTP {status}")),
            "{message}"
        );
        assert!(
            message.contains("may or may not have been applied, so check the current state"),
            "{message}"
        );
    }
    assert_eq!(
        backlog.request_count("PATCH", "/api/v2/issues/"),
        3,
        "each write was sent once"
    );
    server.stop().await;
}
