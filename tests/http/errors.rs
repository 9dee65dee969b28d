use crate::support::{API_KEY, client_at, client_for};
use backlog_mcp::domain::backlog_error::{BacklogError, BacklogErrorCode};
use backlog_mcp::domain::changes::IssueUpdate;
use backlog_mcp::domain::keys::IssueKey;
use backlog_mcp::ports::{IssueRef, IssueRepository, UserRepository};
use std::time::Duration;
use wiremock::matchers::path;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn web_42() -> IssueRef {
    IssueRef::Key(IssueKey::parse("WEB-42").unwrap())
}

async fn answering(status: u16, body: &str, content_type: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(path("/api/v2/issues/WEB-42"))
        .respond_with(
            ResponseTemplate::new(status).set_body_raw(body.as_bytes().to_vec(), content_type),
        )
        .mount(&server)
        .await;
    server
}

async fn issue_error(server: &MockServer) -> BacklogError {
    let error = client_for(server).issue(&web_42()).await.unwrap_err();
    assert!(!error.to_string().contains(API_KEY));
    error
}

#[tokio::test]
async fn not_found_names_what_was_asked_for() {
    let server = answering(
        404,
        r#"{"errors":[{"message":"No issue.","code":6,"moreInfo":""}]}"#,
        "application/json",
    )
    .await;
    let error = issue_error(&server).await;
    assert_eq!(
        error,
        BacklogError::NotFound {
            what: "issue WEB-42".into(),
            message: "No issue.".into()
        }
    );
}

#[tokio::test]
async fn a_refused_key_keeps_backlogs_message_and_leaves_the_fix_to_the_application() {
    let server = answering(
        401,
        r#"{"errors":[{"message":"Authentication failure.","code":11,"moreInfo":""}]}"#,
        "application/json",
    )
    .await;
    let text = issue_error(&server).await.to_string();
    assert!(
        text.starts_with("authentication failed: HTTP 401 AuthenticationError (code 11): \"Authentication failure.\"."),
        "{text}"
    );
    // How to fix it is the application's wording (app::tooling::backlog_wording).
    assert!(!text.contains("Personal Settings"), "{text}");
}

#[tokio::test]
async fn a_forbidden_request_keeps_backlogs_code_and_message() {
    let server = answering(
        403,
        r#"{"errors":[{"message":"You do not have permission.","code":5,"moreInfo":""}]}"#,
        "application/json",
    )
    .await;
    assert_eq!(
        issue_error(&server).await,
        BacklogError::Rejected {
            status: 403,
            code: Some(BacklogErrorCode::UnauthorizedOperationError),
            message: "You do not have permission.".into()
        }
    );
}

#[tokio::test]
async fn a_proxy_error_page_is_a_server_error() {
    let server = answering(502, "<html><h1>502 Bad Gateway</h1></html>", "text/html").await;
    let error = issue_error(&server).await;
    assert!(
        matches!(error, BacklogError::ServerError { status: 502, .. }),
        "{error:?}"
    );
}

#[tokio::test]
async fn an_unreadable_success_is_an_invalid_response() {
    let server = answering(200, r#"{"id": "not a number"}"#, "application/json").await;
    let error = issue_error(&server).await;
    assert!(
        matches!(error, BacklogError::InvalidResponse { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("GET /issues/WEB-42"), "{error}");
}

#[tokio::test]
async fn an_unreachable_host_is_named_without_the_key() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    drop(listener);
    let client = client_at(&format!("http://{address}"), Duration::from_secs(2));
    let error = client.myself().await.unwrap_err();
    let BacklogError::Unreachable { host, .. } = &error else {
        panic!("expected Unreachable, got {error:?}");
    };
    assert_eq!(host, &address.to_string());
    assert!(!error.to_string().contains(API_KEY));
}

#[tokio::test]
async fn a_slow_answer_times_out() {
    let server = MockServer::start().await;
    Mock::given(path("/api/v2/users/myself"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(3)))
        .mount(&server)
        .await;
    let client = client_at(&server.uri(), Duration::from_millis(300));
    let error = client.myself().await.unwrap_err();
    assert!(
        matches!(
            error,
            BacklogError::TimedOut {
                write_may_have_applied: false,
                ..
            }
        ),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_server_error_answering_a_write_says_it_may_have_been_applied() {
    for status in [500, 502, 503, 504] {
        let server = MockServer::start().await;
        Mock::given(path("/api/v2/issues/WEB-42"))
            .respond_with(
                ResponseTemplate::new(status)
                    .set_body_raw(b"<html>gateway</html>".to_vec(), "text/html"),
            )
            .mount(&server)
            .await;
        let update = IssueUpdate {
            summary: Some("renamed".into()),
            ..IssueUpdate::default()
        };
        let error = client_for(&server)
            .update_issue(&web_42(), &update)
            .await
            .unwrap_err();
        assert!(
            matches!(
                error,
                BacklogError::ServerError {
                    write_may_have_applied: true,
                    attempts: 1,
                    ..
                }
            ),
            "{error:?}"
        );
        let text = error.to_string();
        assert!(
            text.starts_with(&format!("Backlog answered a write with HTTP {status}")),
            "{text}"
        );
        assert!(text.contains("may or may not have been applied"), "{text}");
        assert_eq!(server.received_requests().await.unwrap().len(), 1);
        // A read answered the same way says nothing of the kind.
        let read = client_for(&server).issue(&web_42()).await.unwrap_err();
        assert!(!read.to_string().contains("may or may not"), "{read}");
    }
}
