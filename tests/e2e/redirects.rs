//! The API key goes nowhere but the space: the spawned server against a space
//! address that redirects to another server, which records everything and must
//! receive nothing; and base URLs carrying credentials refused at start-up
//! without echoing them.

use crate::support::{SECRET_KEY, ServerEnv, error_text, start, structured};
use fake_backlog::{FakeBacklog, Fault, Model, ScriptedFault};
use serde_json::json;

async fn demo_backlog() -> FakeBacklog {
    FakeBacklog::start(Model::demo().with_api_key(SECRET_KEY)).await
}

fn env_for(backlog: &FakeBacklog) -> ServerEnv {
    ServerEnv::space(&backlog.base_url(), SECRET_KEY)
        .var("RUST_LOG", "trace")
        .var("BACKLOG_RETRY_BASE_MS", "5")
        .var("BACKLOG_RETRY_MAX_MS", "20")
}

/// A redirect to `elsewhere`, with a query string that must not be shown.
fn redirect(status: u16, elsewhere: &FakeBacklog) -> Fault {
    let location = format!(
        "{}/api/v2/issues/WEB-1?apiKey={SECRET_KEY}&session=s3ss10n",
        elsewhere.base_url()
    );
    Fault::empty(status).with_header("Location", &location)
}

fn assert_names_the_target(message: &str, status: u16, elsewhere: &FakeBacklog) {
    assert!(
        message.contains(&format!(
            "answered HTTP {status}, a redirect to {}/api/v2/issues/WEB-1.",
            elsewhere.base_url()
        )),
        "{message}"
    );
    assert!(message.contains("BACKLOG_DOMAIN"), "{message}");
    assert!(
        !message.contains("s3ss10n") && !message.contains(SECRET_KEY),
        "{message}"
    );
}

#[tokio::test]
async fn reads_and_writes_are_not_followed_to_another_server() {
    let space = demo_backlog().await;
    let elsewhere = demo_backlog().await;
    let server = start(env_for(&space)).await;
    for status in [301, 302, 307, 308] {
        space.faults().script(ScriptedFault::new(
            "GET",
            "/api/v2/issues/WEB-1",
            redirect(status, &elsewhere),
        ));
        let read = error_text(&server.call("get_issue", json!({"issueKey": "WEB-1"})).await);
        assert_names_the_target(&read, status, &elsewhere);

        space.faults().script(ScriptedFault::new(
            "PATCH",
            "/api/v2/issues/",
            redirect(status, &elsewhere),
        ));
        let write = error_text(
            &server
                .call(
                    "update_issue",
                    json!({"issueKey": "WEB-1", "summary": "confidential summary"}),
                )
                .await,
        );
        assert_names_the_target(&write, status, &elsewhere);

        space.faults().script(ScriptedFault::new(
            "POST",
            "/api/v2/issues/",
            redirect(status, &elsewhere),
        ));
        let comment = error_text(
            &server
                .call(
                    "add_issue_comment",
                    json!({"issueKey": "WEB-1", "content": "confidential comment"}),
                )
                .await,
        );
        assert_names_the_target(&comment, status, &elsewhere);
    }
    // The space still serves once it stops redirecting.
    let fine = structured(&server.call("get_issue", json!({"issueKey": "WEB-1"})).await);
    assert_eq!(fine["issueKey"], "WEB-1");
    let stderr = server.stop().await;
    assert!(!stderr.contains(SECRET_KEY), "the key leaked to stderr");
    assert_eq!(
        elsewhere.total_requests(),
        0,
        "the other server received: {:?}",
        elsewhere.requests()
    );
    assert_eq!(
        space.request_count("PATCH", "/api/v2/issues/"),
        4,
        "each write was sent once and never retried"
    );
    assert_eq!(space.faults().pending(), 0);
}

#[tokio::test]
async fn credentials_in_the_base_url_stop_the_server_without_being_echoed() {
    for (variable, value) in [
        (
            "BACKLOG_BASE_URL",
            "https://t.sato:pw-9f8e7d@acme.backlog.com",
        ),
        ("BACKLOG_DOMAIN", "t.sato:pw-9f8e7d@acme.backlog.com"),
        (
            "BACKLOG_BASE_URL",
            "https://acme.backlog.com/?apiKey=pw-9f8e7d",
        ),
        (
            "BACKLOG_BASE_URL",
            "https://t.sato:pw-9f8e7d@acme.backlog.com:99999",
        ),
    ] {
        let output = ServerEnv::demo()
            .var(variable, value)
            .var("BACKLOG_API_KEY", SECRET_KEY)
            .command()
            .output()
            .await
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{variable}={value}");
        assert!(output.stdout.is_empty(), "nothing on stdout");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(&format!("cannot start: {variable} ")),
            "{stderr}"
        );
        assert!(!stderr.contains("pw-9f8e7d"), "{stderr}");
        assert!(!stderr.contains("t.sato"), "{stderr}");
        assert!(!stderr.contains(SECRET_KEY), "{stderr}");
    }
}
