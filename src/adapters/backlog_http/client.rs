//! The HTTP client: one pooled connection pool per process, the API key in the
//! `Backlog-API-Key` header (never in a URL), Backlog's error answers mapped.

use super::error_mapping::{
    TransportFailure, error_from_answer, transport_error, transport_reason,
};
use super::params::Params;
use super::rate_limit::{Bucket, RateLimiter, WaitTooLong, retry_time};
use super::retry::{Outcome, RetryPolicy};
use crate::domain::backlog_error::BacklogError;
use chrono::Utc;
use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderValue, USER_AGENT};
use reqwest::{Method, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use std::time::{Duration, Instant};
use url::Url;

/// How to reach a Backlog space.
#[derive(Debug, Clone)]
pub struct HttpBacklogConfig {
    /// `https://space.backlog.com`, or any http(s) URL (on-premise Backlog, tests).
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
    pub fn get(path: &[&str], what: impl Into<String>) -> Self {
        Self {
            method: Method::GET,
            path: path.iter().map(|s| (*s).to_owned()).collect(),
            query: Params::new(),
            form: None,
            what: what.into(),
        }
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

/// The Backlog REST API over HTTP.
pub struct HttpBacklog {
    http: reqwest::Client,
    api_base: Url,
    host: String,
    api_key: SecretString,
    retry: RetryPolicy,
    limiter: RateLimiter,
}

#[derive(Debug, thiserror::Error)]
pub enum HttpSetupError {
    #[error("BACKLOG_BASE_URL must be an http:// or https:// URL (got {0})")]
    UnsupportedUrl(String),
    #[error(
        "BACKLOG_API_KEY contains characters that cannot be sent in an HTTP header (a line break or a control character); copy the key again from Personal Settings → API"
    )]
    UnsendableKey,
    #[error("could not set up the HTTP client: {0}")]
    Client(String),
}

impl HttpBacklog {
    pub fn new(config: HttpBacklogConfig) -> Result<Self, HttpSetupError> {
        let base = config.base_url;
        if !matches!(base.scheme(), "http" | "https") || base.cannot_be_a_base() {
            return Err(HttpSetupError::UnsupportedUrl(base.to_string()));
        }
        let host = match (base.host_str(), base.port()) {
            (Some(host), Some(port)) => format!("{host}:{port}"),
            (Some(host), None) => host.to_owned(),
            (None, _) => return Err(HttpSetupError::UnsupportedUrl(base.to_string())),
        };
        let mut api_base = base.clone();
        api_base
            .path_segments_mut()
            .map_err(|()| HttpSetupError::UnsupportedUrl(base.to_string()))?
            .pop_if_empty()
            .extend(["api", "v2"]);
        if HeaderValue::from_str(config.api_key.expose_secret()).is_err() {
            return Err(HttpSetupError::UnsendableKey);
        }
        // A second install attempt fails harmlessly when a provider is already set.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut headers = HeaderMap::new();
        headers.insert(
            USER_AGENT,
            HeaderValue::from_static(concat!("backlog-mcp/", env!("CARGO_PKG_VERSION"))),
        );
        let http = reqwest::Client::builder()
            .default_headers(headers)
            .connect_timeout(config.connect_timeout)
            .timeout(config.request_timeout)
            .pool_idle_timeout(Duration::from_secs(90))
            .build()
            .map_err(|e| HttpSetupError::Client(transport_reason(e)))?;
        Ok(Self {
            http,
            api_base,
            host,
            api_key: config.api_key,
            retry: config.retry,
            limiter: RateLimiter::new(config.retry.max_rate_limit_wait),
        })
    }

    /// `host[:port]` of the space, for messages.
    pub fn host(&self) -> &str {
        &self.host
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
            // Each arm returns, or names the transient problem to retry after.
            let problem: String = match self.send_once(call).await {
                Ok(answer) if answer.status.is_success() => {
                    self.limiter.observe(bucket, &answer.headers);
                    return Ok(answer);
                }
                Ok(answer) => {
                    self.limiter.observe(bucket, &answer.headers);
                    if answer.status == StatusCode::TOO_MANY_REQUESTS {
                        let retry_at = retry_time(&answer.headers, Utc::now());
                        self.limiter.exhausted(bucket, retry_at);
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
                        ));
                    }
                }
                Err((failure, reason)) => {
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
    async fn send_once(&self, call: &ApiCall) -> Result<Answer, (TransportFailure, String)> {
        let key = self
            .key_header()
            .map_err(|e| (TransportFailure::Connect, e.to_string()))?;
        let mut request = self
            .http
            .request(call.method.clone(), self.url(call))
            .header("Backlog-API-Key", key);
        if let Some(form) = &call.form {
            request = request
                .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(form.to_form_body());
        }
        let fail =
            |error: reqwest::Error| (TransportFailure::classify(&error), transport_reason(error));
        let started = Instant::now();
        let response = request.send().await.map_err(fail)?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.bytes().await.map_err(fail)?.to_vec();
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

fn decode<T: DeserializeOwned>(body: &[u8], call: &ApiCall) -> Result<T, BacklogError> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|e| BacklogError::InvalidResponse {
        detail: format!(
            "{} /{}: {} at `{}`",
            call.method,
            call.path.join("/"),
            e.inner(),
            e.path()
        ),
    })
}
