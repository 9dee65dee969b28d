//! Retries and rate-limit pacing over real HTTP (wiremock on 127.0.0.1).

use super::api_call::{Answer, ApiCall};
use super::client::{HttpBacklog, HttpBacklogConfig};
use super::params::Params;
use super::retry::RetryPolicy;
use crate::domain::backlog_error::BacklogError;
use reqwest::Method;
use secrecy::SecretString;
use std::time::{Duration, Instant};
use wiremock::matchers::{method, path};
use wiremock::{Match, Mock, MockServer, ResponseTemplate};

fn client(base: &str, timeout: Duration) -> HttpBacklog {
    HttpBacklog::new(HttpBacklogConfig {
        base_url: base.parse().unwrap(),
        api_key: SecretString::from("k"),
        connect_timeout: Duration::from_secs(1),
        request_timeout: timeout,
        retry: RetryPolicy {
            base_delay: Duration::from_millis(5),
            max_delay: Duration::from_millis(20),
            max_rate_limit_wait: Duration::from_secs(5),
            ..RetryPolicy::default()
        },
    })
    .unwrap()
}

/// Answers the requests `matcher` takes with `response`: the first `times`
/// of them when given, every one otherwise.
async fn serve(
    server: &MockServer,
    matcher: impl Match + 'static,
    response: ResponseTemplate,
    times: Option<u64>,
) {
    let mock = Mock::given(matcher).respond_with(response);
    match times {
        Some(times) => mock.up_to_n_times(times).mount(server).await,
        None => mock.mount(server).await,
    }
}

/// Sends `call` to `server` from a new client with that request timeout.
async fn send(
    server: &MockServer,
    timeout: Duration,
    call: &ApiCall,
) -> Result<Answer, BacklogError> {
    client(&server.uri(), timeout).send(call).await
}

fn get_space() -> ApiCall {
    ApiCall::get(&["space"], "the space")
}

fn post_comment() -> ApiCall {
    let mut form = Params::new();
    form.push("content", "hello");
    ApiCall {
        method: Method::POST,
        path: vec!["issues".into(), "WEB-1".into(), "comments".into()],
        query: Params::new(),
        form: Some(form),
        what: "issue WEB-1".into(),
    }
}

fn ok_json() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(b"{}".to_vec(), "application/json")
}

async fn requests(server: &MockServer) -> usize {
    server.received_requests().await.unwrap().len()
}

fn epoch_in(seconds: i64) -> String {
    (chrono::Utc::now().timestamp() + seconds).to_string()
}

#[tokio::test]
async fn a_read_is_retried_through_server_errors() {
    let server = MockServer::start().await;
    serve(
        &server,
        path("/api/v2/space"),
        ResponseTemplate::new(503),
        Some(2),
    )
    .await;
    serve(&server, path("/api/v2/space"), ok_json(), None).await;
    let answer = send(&server, Duration::from_secs(2), &get_space()).await;
    assert!(answer.is_ok(), "{answer:?}");
    assert_eq!(requests(&server).await, 3);
}

#[tokio::test]
async fn a_read_gives_up_after_the_last_attempt_and_says_how_many() {
    let server = MockServer::start().await;
    serve(
        &server,
        path("/api/v2/space"),
        ResponseTemplate::new(500),
        None,
    )
    .await;
    let error = send(&server, Duration::from_secs(2), &get_space())
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            BacklogError::ServerError {
                status: 500,
                attempts: 4,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(requests(&server).await, 4);
}

#[tokio::test]
async fn a_write_is_never_retried_after_a_server_error() {
    let server = MockServer::start().await;
    serve(&server, method("POST"), ResponseTemplate::new(500), None).await;
    let error = send(&server, Duration::from_secs(2), &post_comment())
        .await
        .unwrap_err();
    assert!(
        matches!(error, BacklogError::ServerError { attempts: 1, .. }),
        "{error:?}"
    );
    assert_eq!(requests(&server).await, 1);
}

#[tokio::test]
async fn a_write_that_times_out_is_not_retried_and_may_have_applied() {
    let server = MockServer::start().await;
    serve(
        &server,
        method("POST"),
        ok_json().set_delay(Duration::from_secs(2)),
        None,
    )
    .await;
    let error = send(&server, Duration::from_millis(200), &post_comment())
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            BacklogError::TimedOut {
                attempts: 1,
                write_may_have_applied: true,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(
        error
            .to_string()
            .contains("may or may not have been applied")
    );
    assert_eq!(requests(&server).await, 1);
}

#[tokio::test]
async fn a_read_that_times_out_is_retried() {
    let server = MockServer::start().await;
    serve(
        &server,
        path("/api/v2/space"),
        ok_json().set_delay(Duration::from_secs(2)),
        Some(1),
    )
    .await;
    serve(&server, path("/api/v2/space"), ok_json(), None).await;
    let answer = send(&server, Duration::from_millis(300), &get_space()).await;
    assert!(answer.is_ok(), "{answer:?}");
    assert_eq!(requests(&server).await, 2);
}

#[tokio::test]
async fn a_refused_connection_is_retried_even_for_writes() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    drop(listener);
    let error = client(&format!("http://{address}"), Duration::from_secs(1))
        .send(&post_comment())
        .await
        .unwrap_err();
    assert!(
        matches!(error, BacklogError::Unreachable { attempts: 4, .. }),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_429_waits_for_the_reset_and_retries_even_a_write() {
    let server = MockServer::start().await;
    // Whole seconds: two from now is at least one full second away.
    let reset = epoch_in(2);
    let too_many = ResponseTemplate::new(429)
        .insert_header("X-RateLimit-Remaining", "0")
        .insert_header("X-RateLimit-Reset", reset.as_str())
        .set_body_raw(
            br#"{"errors":[{"message":"Too many requests.","code":13,"moreInfo":""}]}"#.to_vec(),
            "application/json",
        );
    serve(&server, method("POST"), too_many, Some(1)).await;
    serve(&server, method("POST"), ok_json(), None).await;
    let started = Instant::now();
    let answer = send(&server, Duration::from_secs(2), &post_comment()).await;
    assert!(answer.is_ok(), "{answer:?}");
    assert_eq!(requests(&server).await, 2);
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "waited for the reset: {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn retry_after_is_honoured() {
    let server = MockServer::start().await;
    serve(
        &server,
        path("/api/v2/space"),
        ResponseTemplate::new(429).insert_header("Retry-After", "1"),
        Some(1),
    )
    .await;
    serve(&server, path("/api/v2/space"), ok_json(), None).await;
    let started = Instant::now();
    let answer = send(&server, Duration::from_secs(2), &get_space()).await;
    assert!(answer.is_ok(), "{answer:?}");
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_reset_beyond_the_allowed_wait_is_reported_with_its_time() {
    let server = MockServer::start().await;
    serve(
        &server,
        path("/api/v2/space"),
        ResponseTemplate::new(429)
            .insert_header("X-RateLimit-Remaining", "0")
            .insert_header("X-RateLimit-Reset", epoch_in(600).as_str()),
        None,
    )
    .await;
    let started = Instant::now();
    let error = send(&server, Duration::from_secs(2), &get_space())
        .await
        .unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "no pointless waiting"
    );
    let BacklogError::RateLimited {
        attempts: 1,
        retry_at: Some(retry_at),
        ..
    } = error
    else {
        panic!("expected RateLimited with a retry time, got {error:?}");
    };
    assert!(retry_at > chrono::Utc::now() + chrono::Duration::seconds(500));
    assert_eq!(requests(&server).await, 1);
}

#[tokio::test]
async fn a_spent_budget_is_waited_out_before_the_next_request() {
    let server = MockServer::start().await;
    serve(
        &server,
        path("/api/v2/space"),
        ok_json()
            .insert_header("X-RateLimit-Remaining", "0")
            .insert_header("X-RateLimit-Reset", epoch_in(2).as_str()),
        None,
    )
    .await;
    let client = client(&server.uri(), Duration::from_secs(2));
    client.send(&get_space()).await.unwrap();
    let started = Instant::now();
    client.send(&get_space()).await.unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(200),
        "paced, not a 429"
    );
    assert_eq!(requests(&server).await, 2);
}

#[test]
fn a_key_that_cannot_be_a_header_is_refused_at_start_without_echoing_it() {
    let result = HttpBacklog::new(HttpBacklogConfig {
        base_url: "https://acme.backlog.com".parse().unwrap(),
        api_key: SecretString::from("abc\ndef-secret"),
        connect_timeout: Duration::from_secs(1),
        request_timeout: Duration::from_secs(1),
        retry: RetryPolicy::default(),
    });
    let Err(error) = result else {
        panic!("a key with a line break must be refused");
    };
    let text = error.to_string();
    assert!(
        text.starts_with("BACKLOG_API_KEY contains characters"),
        "{text}"
    );
    assert!(!text.contains("def-secret"));
}

#[tokio::test]
async fn an_https_space_sets_up_its_client_with_the_system_certificates_on_the_first_request() {
    // Nothing listens there: the request fails to connect, after the client
    // (loading the system's certificate store) was built.
    let error = client("https://127.0.0.1:9", Duration::from_secs(1))
        .send(&get_space())
        .await
        .unwrap_err();
    assert!(
        matches!(error, BacklogError::Unreachable { .. }),
        "{error:?}"
    );
}
