//! Redirects are never followed: a space address that answers 3xx must not send
//! the API key, or a write's body, to wherever it points. The "elsewhere" server
//! records everything it receives; it must receive nothing.

use crate::support::{API_KEY, client_for};
use backlog_mcp::domain::backlog_error::BacklogError;
use backlog_mcp::domain::changes::{IssueUpdate, NewComment};
use backlog_mcp::domain::keys::IssueKey;
use backlog_mcp::ports::{CommentRepository, IssueRef, IssueRepository, SpaceRepository};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

const REDIRECTS: [u16; 4] = [301, 302, 307, 308];

/// A space that redirects everything to `elsewhere`, with a query string that
/// must not show up in the error.
async fn redirecting_to(elsewhere: &MockServer, status: u16) -> MockServer {
    let space = MockServer::start().await;
    let location = format!(
        "{}/api/v2/moved?apiKey=leaked-{API_KEY}&token=t0ps3cret",
        elsewhere.uri()
    );
    Mock::given(any())
        .respond_with(ResponseTemplate::new(status).insert_header("Location", location.as_str()))
        .mount(&space)
        .await;
    space
}

fn web_42() -> IssueRef {
    IssueRef::Key(IssueKey::parse("WEB-42").unwrap())
}

/// Checks the error names the target's origin and path, nothing of its query,
/// and that neither server got more than the one request to the space.
async fn assert_not_followed(
    error: &BacklogError,
    status: u16,
    space: &MockServer,
    elsewhere: &MockServer,
) {
    let BacklogError::Redirected {
        status: reported,
        target,
        ..
    } = error
    else {
        panic!("expected Redirected, got {error:?}");
    };
    assert_eq!(*reported, status);
    assert_eq!(
        target.as_deref(),
        Some(format!("{}/api/v2/moved", elsewhere.uri()).as_str())
    );
    let text = error.to_string();
    assert!(
        !text.contains("t0ps3cret") && !text.contains(API_KEY),
        "{text}"
    );
    // What to set instead is the application's wording (app::tooling::backlog_wording).
    assert!(text.contains("Redirects are not followed"), "{text}");
    assert_eq!(
        space.received_requests().await.unwrap().len(),
        1,
        "a redirect is not retried"
    );
    assert!(
        elsewhere.received_requests().await.unwrap().is_empty(),
        "HTTP {status}: the other server received a request"
    );
}

#[tokio::test]
async fn a_read_is_not_followed_to_another_server() {
    for status in REDIRECTS {
        let elsewhere = MockServer::start().await;
        let space = redirecting_to(&elsewhere, status).await;
        let error = client_for(&space).space().await.unwrap_err();
        assert_not_followed(&error, status, &space, &elsewhere).await;
    }
}

#[tokio::test]
async fn a_patch_and_its_body_are_not_followed_to_another_server() {
    for status in REDIRECTS {
        let elsewhere = MockServer::start().await;
        let space = redirecting_to(&elsewhere, status).await;
        let update = IssueUpdate {
            summary: Some("a confidential summary".into()),
            ..IssueUpdate::default()
        };
        let error = client_for(&space)
            .update_issue(&web_42(), &update)
            .await
            .unwrap_err();
        assert_not_followed(&error, status, &space, &elsewhere).await;
    }
}

#[tokio::test]
async fn a_post_and_its_body_are_not_followed_to_another_server() {
    for status in REDIRECTS {
        let elsewhere = MockServer::start().await;
        let space = redirecting_to(&elsewhere, status).await;
        let comment = NewComment {
            content: "a confidential comment".into(),
            notified_user_ids: Vec::new(),
            attachment_ids: Vec::new(),
        };
        let error = client_for(&space)
            .add_comment(&web_42(), &comment)
            .await
            .unwrap_err();
        assert_not_followed(&error, status, &space, &elsewhere).await;
    }
}

#[tokio::test]
async fn a_redirect_to_the_same_server_is_not_followed_either() {
    let space = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(302).insert_header("Location", "/LoginDisplay.action"))
        .mount(&space)
        .await;
    let error = client_for(&space).space().await.unwrap_err();
    assert_eq!(
        error,
        BacklogError::Redirected {
            host: space.address().to_string(),
            status: 302,
            target: Some(format!("{}/LoginDisplay.action", space.uri())),
        }
    );
    assert_eq!(space.received_requests().await.unwrap().len(), 1);
}
