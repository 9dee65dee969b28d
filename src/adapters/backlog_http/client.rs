//! The HTTP client: one pooled connection pool per process, the API key in the
//! `Backlog-API-Key` header (never in a URL), sent only to the configured space
//! (redirects are never followed), Backlog's error answers mapped.
//!
//! The reqwest client is built on the first request, not at start-up: building it
//! loads the system's TLS certificates (for an https space only), which
//! `initialize` need not wait for.

use super::error_mapping::{
    TransportFailure, error_from_answer, transport_error, transport_reason,
};
use super::params::Params;
use super::rate_limit::{Bucket, RateLimiter, WaitTooLong, retry_time};
use super::redirect::redirect_error;
use super::request_size::{check_length, unsendable};
use super::retry::{Outcome, RetryPolicy};
use super::space_zone::SpaceZone;
use crate::domain::backlog_error::BacklogError;
use crate::domain::base_url::forbidden_part;
use chrono::Utc;
use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderValue, USER_AGENT};
use reqwest::{Method, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use std::time::{Duration, Instant};
use tokio::sync::OnceCell;
use url::Url;

/// How to reach a Backlog space.
#[derive(Debug, Clone)]
pub struct HttpBacklogConfig {
    /// `https://space.backlog.com`, or any http(s) URL (on-premise Backlog, tests),
    /// without credentials, query string or fragment.
    pub base_url: Url,
    pub api_key: SecretString,
    pub connect_timeout: Duration,
    pub request_timeout: Duration,
    pub retry: RetryPolicy,
}

/// A request to one Backlog REST endpoint.
#[derive(Debug, Clone)]
pub struct ApiCall {
    pub method: Method,
    /// Path segments below `/api/v2`, each percent-encoded on its own.
    pub path: Vec<String>,
    pub query: Params,
    pub form: Option<Params>,
    /// What is asked for, to name it when Backlog says it does not exist.
    pub what: String,
}

impl ApiCall {
    fn new(method: Method, path: &[&str], form: Option<Params>, what: impl Into<String>) -> Self {
        Self {
            method,
            path: path.iter().map(|s| (*s).to_owned()).collect(),
            query: Params::new(),
            form,
            what: what.into(),
        }
    }

    pub fn get(path: &[&str], what: impl Into<String>) -> Self {
        Self::new(Method::GET, path, None, what)
    }

    /// A `POST` with a form body (possibly empty).
    pub fn post(path: &[&str], form: Params, what: impl Into<String>) -> Self {
        Self::new(Method::POST, path, Some(form), what)
    }

    /// A `PATCH` with a form body: only the parameters it holds are changed.
    pub fn patch(path: &[&str], form: Params, what: impl Into<String>) -> Self {
        Self::new(Method::PATCH, path, Some(form), what)
    }

    /// A `DELETE` without a body.
    pub fn delete(path: &[&str], what: impl Into<String>) -> Self {
        Self::new(Method::DELETE, path, None, what)
    }

    pub fn with_query(mut self, query: Params) -> Self {
        self.query = query;
        self
    }

    fn is_write(&self) -> bool {
        self.method != Method::GET
    }

    /// `GET /issues/WEB-1`, for logs (no query string: it may hold user data).
    fn describe(&self) -> String {
        format!("{} /{}", self.method, self.path.join("/"))
    }
}

/// A successful (2xx) answer.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

/// How much of a 2xx body may be read. Error answers are always read whole:
/// they are small, and their text is what explains the failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BodyLimit {
    Unlimited,
    AtMost(u64),
}

/// Why one attempt produced no usable answer.
#[derive(Debug)]
enum AttemptFailure {
    /// The HTTP library refused the request before sending anything; final.
    NotSent(String),
    /// No (complete) answer arrived; retried when that is safe.
    Transport(TransportFailure, String),
    /// A 2xx body beyond the [`BodyLimit`]; final, never retried.
    TooLarge { headers: HeaderMap, limit: u64 },
}

impl AttemptFailure {
    fn transport(error: reqwest::Error) -> Self {
        if error.is_builder() {
            return Self::NotSent(transport_reason(error));
        }
        Self::Transport(TransportFailure::classify(&error), transport_reason(error))
    }
}

/// The Backlog REST API over HTTP.
pub struct HttpBacklog {
    /// Built on the first request, then shared.
    http: OnceCell<reqwest::Client>,
    connect_timeout: Duration,
    request_timeout: Duration,
    api_base: Url,
    host: String,
    api_key: SecretString,
    retry: RetryPolicy,
    limiter: RateLimiter,
    pub(super) space_zone: SpaceZone,
}

/// Why the client cannot be set up. No message repeats the base URL beyond its
/// scheme and host: it may hold credentials.
#[derive(Debug, thiserror::Error)]
pub enum HttpSetupError {
    #[error("the Backlog base URL must be an http:// or https:// address with a host (got {0})")]
    UnsupportedUrl(String),
    #[error(
        "the Backlog base URL must not contain {0}: the API key goes in BACKLOG_API_KEY, and only there"
    )]
    ExtraInUrl(&'static str),
    #[error(
        "BACKLOG_API_KEY contains characters that cannot be sent in an HTTP header (a line break or a control character)"
    )]
    UnsendableKey,
}

/// Whether a proxy is set in the environment (reqwest uses it; an https proxy
/// needs the system's certificates even for a plain-http space).
fn proxy_configured() -> bool {
    ["HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY"]
        .iter()
        .any(|name| {
            [name.to_string(), name.to_lowercase()]
                .iter()
                .any(|n| std::env::var_os(n).is_some())
        })
}

/// `scheme://host[:port]` of a URL, or its scheme alone: what may be shown of it.
fn origin_of(url: &Url) -> String {
    match url.host_str() {
        Some(host) => match url.port() {
            Some(port) => format!("{}://{host}:{port}", url.scheme()),
            None => format!("{}://{host}", url.scheme()),
        },
        None => format!("a {}: address", url.scheme()),
    }
}

impl HttpBacklog {
    pub fn new(config: HttpBacklogConfig) -> Result<Self, HttpSetupError> {
        let base = config.base_url;
        let unsupported = || HttpSetupError::UnsupportedUrl(origin_of(&base));
        if !matches!(base.scheme(), "http" | "https") || base.cannot_be_a_base() {
            return Err(unsupported());
        }
        if let Some(extra) = forbidden_part(&base) {
            return Err(HttpSetupError::ExtraInUrl(extra));
        }
        let host = match (base.host_str(), base.port()) {
            (Some(host), Some(port)) => format!("{host}:{port}"),
            (Some(host), None) => host.to_owned(),
            (None, _) => return Err(unsupported()),
        };
        let mut api_base = base.clone();
        api_base
            .path_segments_mut()
            .map_err(|()| unsupported())?
            .pop_if_empty()
            .extend(["api", "v2"]);
        if HeaderValue::from_str(config.api_key.expose_secret()).is_err() {
            return Err(HttpSetupError::UnsendableKey);
        }
        Ok(Self {
            http: OnceCell::new(),
            connect_timeout: config.connect_timeout,
            request_timeout: config.request_timeout,
            api_base,
            host,
            api_key: config.api_key,
            retry: config.retry,
            limiter: RateLimiter::new(config.retry.max_rate_limit_wait),
            space_zone: SpaceZone::default(),
        })
    }

    /// `host[:port]` of the space, for messages.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The reqwest client, built on first use. It follows no redirects: the key
    /// and bodies go to the configured space only.
    async fn client(&self) -> Result<&reqwest::Client, BacklogError> {
        self.http
            .get_or_try_init(|| async {
                // A second install attempt fails harmlessly when a provider is already set.
                let _ = rustls::crypto::ring::default_provider().install_default();
                let mut headers = HeaderMap::new();
                headers.insert(
                    USER_AGENT,
                    HeaderValue::from_static(concat!("backlog-mcp/", env!("CARGO_PKG_VERSION"))),
                );
                let mut builder = reqwest::Client::builder()
                    .default_headers(headers)
                    .redirect(reqwest::redirect::Policy::none())
                    .connect_timeout(self.connect_timeout)
                    .timeout(self.request_timeout)
                    .pool_idle_timeout(Duration::from_secs(90));
                if self.api_base.scheme() == "http" && !proxy_configured() {
                    // Every request goes straight to this plain-http origin (no
                    // redirects are followed, no proxy is set): TLS is never
                    // used, so the system's certificate store need not be loaded.
                    builder = builder.tls_certs_only(std::iter::empty());
                }
                builder.build().map_err(|e| BacklogError::ClientSetup {
                    reason: transport_reason(e),
                })
            })
            .await
    }

    fn url(&self, call: &ApiCall) -> Url {
        let mut url = self.api_base.clone();
        if let Ok(mut segments) = url.path_segments_mut() {
            segments.extend(&call.path);
        }
        if !call.query.is_empty() {
            url.query_pairs_mut().extend_pairs(call.query.pairs());
        }
        url
    }

    /// The key as a header value marked sensitive (hidden from debug output).
    /// `new` checked that it converts.
    fn key_header(&self) -> Result<HeaderValue, HttpSetupError> {
        let mut value = HeaderValue::from_str(self.api_key.expose_secret())
            .map_err(|_| HttpSetupError::UnsendableKey)?;
        value.set_sensitive(true);
        Ok(value)
    }

    /// Sends the call, paced by the rate limits and retried when that is safe,
    /// and returns a 2xx answer or the mapped error.
    pub async fn send(&self, call: &ApiCall) -> Result<Answer, BacklogError> {
        self.send_limited(call, BodyLimit::Unlimited).await
    }

    /// Like [`Self::send`] for a file download: the 2xx body is streamed and the
    /// download stops with [`BacklogError::TooLarge`] (naming `call.what`) as soon
    /// as more than `max_bytes` arrived, or before reading when `Content-Length`
    /// already says so.
    pub async fn download(&self, call: &ApiCall, max_bytes: u64) -> Result<Answer, BacklogError> {
        self.send_limited(call, BodyLimit::AtMost(max_bytes)).await
    }

    /// The retry loop behind [`Self::send`] and [`Self::download`].
    async fn send_limited(&self, call: &ApiCall, limit: BodyLimit) -> Result<Answer, BacklogError> {
        let url = self.url(call);
        check_length(&url, &call.query)?;
        let http = self.client().await?;
        let bucket = Bucket::of(&call.method, &call.path);
        let started = Instant::now();
        let mut attempt = 0;
        loop {
            if let Err(WaitTooLong { retry_at }) = self.limiter.acquire(bucket).await {
                return Err(BacklogError::RateLimited {
                    attempts: attempt,
                    waited: started.elapsed(),
                    retry_at: Some(retry_at),
                });
            }
            attempt += 1;
            let sent_at = tokio::time::Instant::now();
            // Each arm returns, or names the transient problem to retry after.
            let problem: String = match self.send_once(http, call, &url, limit).await {
                Ok(answer) if answer.status.is_success() => {
                    self.limiter.observe(bucket, &answer.headers, sent_at);
                    return Ok(answer);
                }
                Ok(answer) if answer.status.is_redirection() => {
                    return Err(redirect_error(
                        answer.status,
                        &answer.headers,
                        &url,
                        &self.host,
                    ));
                }
                Ok(answer) => {
                    if answer.status == StatusCode::TOO_MANY_REQUESTS {
                        // The 429's own reset is the freshest word on this bucket.
                        let retry_at = retry_time(&answer.headers, Utc::now());
                        self.limiter.exhausted(bucket, retry_at, sent_at);
                        if self
                            .retry
                            .should_retry(attempt, Outcome::RateLimited, call.is_write())
                        {
                            tracing::warn!(%retry_at, attempt, "{}: rate limited; retrying after the reset", call.describe());
                            continue;
                        }
                        return Err(BacklogError::RateLimited {
                            attempts: attempt,
                            waited: started.elapsed(),
                            retry_at: Some(retry_at).filter(|at| *at > Utc::now()),
                        });
                    }
                    self.limiter.observe(bucket, &answer.headers, sent_at);
                    if answer.status.is_server_error()
                        && self
                            .retry
                            .should_retry(attempt, Outcome::ServerError, call.is_write())
                    {
                        format!("HTTP {}", answer.status.as_u16())
                    } else {
                        return Err(error_from_answer(
                            answer.status,
                            &answer.headers,
                            &answer.body,
                            &call.what,
                            attempt,
                            call.is_write(),
                        ));
                    }
                }
                Err(AttemptFailure::NotSent(reason)) => {
                    return Err(unsendable(
                        format!("the HTTP library refused it ({reason})"),
                        &call.query,
                    ));
                }
                Err(AttemptFailure::TooLarge { headers, limit }) => {
                    self.limiter.observe(bucket, &headers, sent_at);
                    return Err(BacklogError::TooLarge {
                        what: call.what.clone(),
                        limit,
                    });
                }
                Err(AttemptFailure::Transport(failure, reason)) => {
                    let kind = match failure {
                        TransportFailure::Connect => Outcome::ConnectFailed,
                        TransportFailure::Timeout | TransportFailure::Lost => Outcome::NoAnswer,
                    };
                    if self.retry.should_retry(attempt, kind, call.is_write()) {
                        reason
                    } else {
                        return Err(transport_error(
                            failure,
                            reason,
                            &self.host,
                            attempt,
                            call.is_write(),
                        ));
                    }
                }
            };
            let delay = self.retry.backoff(attempt);
            tracing::warn!(
                attempt,
                delay_ms = delay.as_millis(),
                "{}: {problem}; retrying",
                call.describe()
            );
            tokio::time::sleep(delay).await;
        }
    }

    /// One attempt: any HTTP answer, or why none came.
    async fn send_once(
        &self,
        http: &reqwest::Client,
        call: &ApiCall,
        url: &Url,
        limit: BodyLimit,
    ) -> Result<Answer, AttemptFailure> {
        let key = self
            .key_header()
            .map_err(|e| AttemptFailure::NotSent(e.to_string()))?;
        let mut request = http
            .request(call.method.clone(), url.clone())
            .header("Backlog-API-Key", key);
        if let Some(form) = &call.form {
            request = request
                .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(form.to_form_body());
        }
        let started = Instant::now();
        let response = request.send().await.map_err(AttemptFailure::transport)?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = match limit {
            BodyLimit::AtMost(max) if status.is_success() => read_at_most(response, max)
                .await
                .map_err(|failure| match failure {
                    Overflow::TooLarge => AttemptFailure::TooLarge {
                        headers: headers.clone(),
                        limit: max,
                    },
                    Overflow::Failed(error) => AttemptFailure::transport(error),
                })?,
            _ => response
                .bytes()
                .await
                .map_err(AttemptFailure::transport)?
                .to_vec(),
        };
        tracing::debug!(
            status = status.as_u16(),
            elapsed_ms = started.elapsed().as_millis(),
            bytes = body.len(),
            "{}",
            call.describe()
        );
        Ok(Answer {
            status,
            headers,
            body,
        })
    }

    /// Sends the call and reads a JSON answer.
    pub async fn fetch<T: DeserializeOwned>(&self, call: &ApiCall) -> Result<T, BacklogError> {
        let answer = self.send(call).await?;
        if answer.body.is_empty() {
            return Err(BacklogError::InvalidResponse {
                detail: format!(
                    "{} answered HTTP {} with an empty body where data was expected",
                    call.describe(),
                    answer.status.as_u16()
                ),
            });
        }
        decode(&answer.body, call)
    }
}

/// Why [`read_at_most`] stopped.
enum Overflow {
    TooLarge,
    Failed(reqwest::Error),
}

/// Reads a body chunk by chunk, giving up as soon as it exceeds `max` bytes
/// (or at once when `Content-Length` announces more), so an oversized file is
/// never held in memory.
async fn read_at_most(mut response: reqwest::Response, max: u64) -> Result<Vec<u8>, Overflow> {
    let announced = response.content_length();
    if announced.is_some_and(|length| length > max) {
        return Err(Overflow::TooLarge);
    }
    let capacity = announced.unwrap_or(0).min(max);
    let mut body = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    while let Some(chunk) = response.chunk().await.map_err(Overflow::Failed)? {
        let total = body.len().saturating_add(chunk.len());
        if u64::try_from(total).unwrap_or(u64::MAX) > max {
            return Err(Overflow::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Reads a JSON answer. The plain parse is the fast path; only an answer that
/// does not fit is parsed again, tracking the path, to say where it broke.
fn decode<T: DeserializeOwned>(body: &[u8], call: &ApiCall) -> Result<T, BacklogError> {
    if let Ok(value) = serde_json::from_slice(body) {
        return Ok(value);
    }
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let error = match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        Ok(value) => return Ok(value),
        Err(error) => error,
    };
    Err(BacklogError::InvalidResponse {
        detail: format!(
            "{} /{}: {} at `{}`",
            call.method,
            call.path.join("/"),
            error.inner(),
            error.path()
        ),
    })
}
