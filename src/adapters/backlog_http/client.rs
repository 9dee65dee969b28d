//! The HTTP client: one pooled connection pool per process, the API key in the
//! `Backlog-API-Key` header (never in a URL), sent only to the configured space
//! (redirects are never followed), Backlog's error answers mapped.
//!
//! The reqwest client is built on the first request, not at start-up: building it
//! loads the system's TLS certificates (for an https space only), which
//! `initialize` need not wait for.

use super::api_call::{Answer, ApiCall};
use super::body::{Overflow, decode, read_at_most};
use super::error_mapping::{
    TransportFailure, error_from_answer, transport_error, transport_reason,
};
use super::rate_limit::{Bucket, RateLimiter, WaitTooLong, retry_time};
use super::redirect::redirect_error;
use super::request_size::{check_length, unsendable};
use super::retry::{Outcome, RetryPolicy};
use super::setup::{HttpSetupError, proxy_configured};
use super::space_zone::SpaceZone;
use crate::domain::backlog_error::BacklogError;
use crate::domain::base_url::{forbidden_part, origin};
use chrono::Utc;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderValue, USER_AGENT};
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

impl HttpBacklog {
    pub fn new(config: HttpBacklogConfig) -> Result<Self, HttpSetupError> {
        let base = config.base_url;
        let unsupported = || HttpSetupError::UnsupportedUrl(origin(&base));
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
