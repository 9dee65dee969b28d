//! Turning Backlog's failure answers and transport failures into [`BacklogError`].

use super::wire::WireErrorBody;
use crate::domain::backlog_error::{BacklogError, BacklogErrorCode};
use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, HeaderMap, WWW_AUTHENTICATE};
use std::error::Error as _;

/// Backlog's message(s) and code from an error answer, or a description of a
/// body that is not Backlog JSON (an HTML page from a proxy, an empty body).
pub struct ErrorBody {
    pub code: Option<BacklogErrorCode>,
    pub message: String,
}

impl ErrorBody {
    pub fn read(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Self {
        if let Ok(parsed) = serde_json::from_slice::<WireErrorBody>(body)
            && !parsed.errors.is_empty()
        {
            let code = parsed
                .errors
                .iter()
                .find_map(|e| e.code.and_then(BacklogErrorCode::from_code));
            let message = parsed
                .errors
                .iter()
                .map(|e| match e.more_info.as_deref().filter(|m| !m.is_empty()) {
                    Some(more) => format!("{} ({more})", e.message),
                    None => e.message.clone(),
                })
                .collect::<Vec<_>>()
                .join("; ");
            return Self { code, message };
        }
        let reason = status.canonical_reason().unwrap_or("error");
        let message = if body.is_empty() {
            format!("{reason}, with an empty body")
        } else {
            let content_type = headers
                .get(CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("unknown type");
            format!(
                "{reason}, with a non-JSON body ({content_type}, {} bytes)",
                body.len()
            )
        };
        Self {
            code: None,
            message,
        }
    }
}

/// Maps a non-2xx answer. `what` names the resource asked for ("issue WEB-42");
/// `is_write`: whether the request could have changed something.
pub fn error_from_answer(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
    what: &str,
    attempts: u32,
    is_write: bool,
) -> BacklogError {
    let ErrorBody { code, message } = ErrorBody::read(status, headers, body);
    match (status.as_u16(), code) {
        (401, _) | (_, Some(BacklogErrorCode::AuthenticationError)) => {
            let challenge = headers
                .get(WWW_AUTHENTICATE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned);
            let detail = match (code, challenge) {
                (Some(code), _) => format!("{code}: \"{message}\""),
                (None, Some(challenge)) => format!("(WWW-Authenticate: {challenge})"),
                (None, None) => format!("\"{message}\""),
            };
            BacklogError::AuthenticationFailed {
                detail: Some(detail),
            }
        }
        (404, _) | (_, Some(BacklogErrorCode::NoResourceError)) => BacklogError::NotFound {
            what: what.to_owned(),
            message,
        },
        (429, _) | (_, Some(BacklogErrorCode::TooManyRequestsError)) => BacklogError::RateLimited {
            attempts,
            waited: std::time::Duration::ZERO,
            retry_at: reset_time(headers),
        },
        (500..=599, _) => BacklogError::ServerError {
            status: status.as_u16(),
            code,
            message,
            attempts,
            write_may_have_applied: is_write,
        },
        (status, code) => BacklogError::Rejected {
            status,
            code,
            message,
        },
    }
}

/// `X-RateLimit-Reset` (UTC epoch seconds) as an instant.
pub fn reset_time(headers: &HeaderMap) -> Option<DateTime<Utc>> {
    headers
        .get("x-ratelimit-reset")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok())
        .and_then(|secs| DateTime::from_timestamp(secs, 0))
}

/// What kind of transport failure happened, for the retry decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransportFailure {
    /// No connection was made: the request certainly did not reach Backlog.
    Connect,
    Timeout,
    /// The connection broke after sending.
    Lost,
}

impl TransportFailure {
    pub fn classify(error: &reqwest::Error) -> Self {
        if error.is_connect() {
            Self::Connect
        } else if error.is_timeout() {
            Self::Timeout
        } else {
            Self::Lost
        }
    }
}

/// A readable reason from a reqwest error and its causes, without any URL.
pub fn transport_reason(error: reqwest::Error) -> String {
    let error = error.without_url();
    let mut parts: Vec<String> = vec![error.to_string()];
    let mut source = error.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = cause.source();
    }
    parts.join(": ")
}

pub fn transport_error(
    failure: TransportFailure,
    reason: String,
    host: &str,
    attempts: u32,
    is_write: bool,
) -> BacklogError {
    let host = host.to_owned();
    match failure {
        TransportFailure::Connect => BacklogError::Unreachable {
            host,
            reason,
            attempts,
        },
        TransportFailure::Timeout => BacklogError::TimedOut {
            host,
            attempts,
            write_may_have_applied: is_write,
        },
        TransportFailure::Lost => BacklogError::ConnectionLost {
            host,
            reason,
            attempts,
            write_may_have_applied: is_write,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn answer(status: u16, body: &str) -> BacklogError {
        error_from_answer(
            StatusCode::from_u16(status).unwrap(),
            &HeaderMap::new(),
            body.as_bytes(),
            "issue WEB-9",
            1,
            false,
        )
    }

    #[test]
    fn backlog_error_bodies_map_by_status_and_code() {
        let not_found = answer(
            404,
            r#"{"errors":[{"message":"No issue.","code":6,"moreInfo":""}]}"#,
        );
        assert_eq!(
            not_found,
            BacklogError::NotFound {
                what: "issue WEB-9".into(),
                message: "No issue.".into()
            }
        );
        let invalid = answer(
            400,
            r#"{"errors":[{"message":"Invalid status.","code":7,"moreInfo":"statusId"}]}"#,
        );
        assert_eq!(
            invalid,
            BacklogError::Rejected {
                status: 400,
                code: Some(BacklogErrorCode::InvalidRequestError),
                message: "Invalid status. (statusId)".into()
            }
        );
        assert!(matches!(
            answer(
                401,
                r#"{"errors":[{"message":"Authentication failure.","code":11,"moreInfo":""}]}"#
            ),
            BacklogError::AuthenticationFailed { .. }
        ));
    }

    #[test]
    fn a_proxy_html_page_is_described_not_dumped() {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("text/html"));
        let error = error_from_answer(
            StatusCode::BAD_GATEWAY,
            &headers,
            b"<html><body>Bad gateway</body></html>",
            "issues",
            4,
            false,
        );
        assert_eq!(
            error,
            BacklogError::ServerError {
                status: 502,
                code: None,
                message: "Bad Gateway, with a non-JSON body (text/html, 37 bytes)".into(),
                attempts: 4,
                write_may_have_applied: false,
            }
        );
    }

    #[test]
    fn a_bare_401_reports_the_challenge() {
        let mut headers = HeaderMap::new();
        headers.insert(
            WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer error=\"invalid_token\""),
        );
        let error = error_from_answer(StatusCode::UNAUTHORIZED, &headers, b"", "space", 1, false);
        assert_eq!(
            error,
            BacklogError::AuthenticationFailed {
                detail: Some("(WWW-Authenticate: Bearer error=\"invalid_token\")".into())
            }
        );
    }
}
