//! Backlog failing in every documented way, seen through the spawned server:
//! each is an `isError` result naming the problem and the fix, the server keeps
//! serving, and the API key appears nowhere, even at trace-level logging.

use crate::raw_stdio::{RawSession, by_id, call};
use crate::support::{SECRET_KEY, ServerEnv, error_text, start};
use serde_json::json;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn backlog_error(code: u16, message: &str) -> String {
    json!({"errors": [{"message": message, "code": code, "moreInfo": ""}]}).to_string()
}

async fn backlog_answering(status: u16, body: String, content_type: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(status)
                .set_body_raw(body.into_bytes(), content_type)
                .insert_header("X-RateLimit-Reset", "0"),
        )
        .mount(&server)
        .await;
    server
}

fn env_for(base_url: &str) -> ServerEnv {
    ServerEnv::space(base_url, SECRET_KEY)
        .var("RUST_LOG", "trace")
        .var("BACKLOG_REQUEST_TIMEOUT_MS", "2000")
        .var("BACKLOG_RETRY_BASE_MS", "5")
        .var("BACKLOG_RETRY_MAX_MS", "20")
}

/// One failure scenario: what Backlog answers, and how the tool error must start.
struct Scenario {
    status: u16,
    body: String,
    content_type: &'static str,
    expected: &'static str,
}

fn scenarios() -> Vec<Scenario> {
    let json = "application/json";
    vec![
        Scenario {
            status: 401,
            body: backlog_error(11, "Authentication failure."),
            content_type: json,
            expected: "authentication failed: HTTP 401 AuthenticationError (code 11): \"Authentication failure.\". Check BACKLOG_API_KEY",
        },
        Scenario {
            status: 403,
            body: backlog_error(5, "No permission."),
            content_type: json,
            expected: "Backlog refused the request: HTTP 403 UnauthorizedOperationError (code 5): \"No permission.\". The API key's user lacks the permission",
        },
        Scenario {
            status: 404,
            body: backlog_error(6, "No issue."),
            content_type: json,
            expected: "issue WEB-1 was not found: HTTP 404 NoResourceError (code 6): \"No issue.\".",
        },
        Scenario {
            status: 429,
            body: backlog_error(13, "Too many requests."),
            content_type: json,
            expected: "rate limited by Backlog (HTTP 429 TooManyRequestsError); tried 4 times over 0 s; try again in a minute",
        },
        Scenario {
            status: 500,
            body: backlog_error(1, "Internal error."),
            content_type: json,
            expected: "Backlog failed after 4 attempts: HTTP 500 InternalError (code 1): \"Internal error.\". Backlog or a proxy",
        },
        Scenario {
            status: 503,
            body: "<html><body>Service Unavailable</body></html>".to_owned(),
            content_type: "text/html",
            expected: "Backlog failed after 4 attempts: HTTP 503: \"Service Unavailable, with a non-JSON body (text/html",
        },
    ]
}

#[tokio::test]
async fn every_backlog_failure_is_a_tool_error_that_names_the_fix() {
    for scenario in scenarios() {
        let backlog =
            backlog_answering(scenario.status, scenario.body, scenario.content_type).await;
        let server = start(env_for(&backlog.uri())).await;
        let message = error_text(
            &server
                .call("get_issue_details", json!({"issue_key": "WEB-1"}))
                .await,
        );
        assert!(
            message.starts_with(scenario.expected),
            "HTTP {}: {message}",
            scenario.status
        );
        assert!(!message.contains(SECRET_KEY));
        // Still serving: a second call gets an answer too.
        let again = server.call("get_user_issue_list", json!({})).await;
        assert_eq!(again.is_error, Some(true));
        let stderr = server.stop().await;
        assert!(
            !stderr.contains(SECRET_KEY),
            "the key leaked to stderr: HTTP {}",
            scenario.status
        );
        assert!(!stderr.is_empty(), "trace logging is on");
    }
}

#[tokio::test]
async fn an_unreachable_backlog_is_named_by_host() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    drop(listener);
    let server = start(env_for(&format!("http://{address}"))).await;
    let message = error_text(
        &server
            .call("get_issue_details", json!({"issue_key": "WEB-1"}))
            .await,
    );
    assert!(
        message.starts_with(&format!("could not reach Backlog at {address}")),
        "{message}"
    );
    let stderr = server.stop().await;
    assert!(!stderr.contains(SECRET_KEY) && !message.contains(SECRET_KEY));
}

#[tokio::test]
async fn the_key_never_reaches_stdout_in_any_failure() {
    for scenario in scenarios() {
        let backlog =
            backlog_answering(scenario.status, scenario.body, scenario.content_type).await;
        let mut session = RawSession::start(env_for(&backlog.uri())).await;
        session
            .send(&call(1, "get_issue_details", json!({"issue_key": "WEB-1"})))
            .await;
        session
            .send(&call(2, "get_user_issue_list", json!({})))
            .await;
        let answers = by_id(session.answers(2).await);
        assert_eq!(answers["1"]["result"]["isError"], true);
        assert_eq!(answers["2"]["result"]["isError"], true);
        let stdout = session.finish().await;
        assert!(!stdout.join("\n").contains(SECRET_KEY));
        // The key did reach Backlog, in the header.
        let requests = backlog.received_requests().await.unwrap();
        assert!(
            requests
                .iter()
                .all(|r| r.headers.get("backlog-api-key").unwrap() == SECRET_KEY)
        );
        assert!(
            requests
                .iter()
                .all(|r| !r.url.as_str().contains(SECRET_KEY))
        );
    }
}
