//! What can go wrong when asking Backlog for something: the error contract every
//! repository adapter meets. Each message says what failed; what to do about
//! it is the application's wording (`app::tooling::backlog_wording`).

use chrono::{DateTime, Utc};
use std::fmt;
use std::time::Duration;

/// Backlog's own error codes (`errors[].code` in an error body).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BacklogErrorCode {
    InternalError,
    LicenceError,
    LicenceExpiredError,
    AccessDeniedError,
    UnauthorizedOperationError,
    NoResourceError,
    InvalidRequestError,
    SpaceOverCapacityError,
    ResourceOverflowError,
    TooLargeFileError,
    AuthenticationError,
    RequiredMfaError,
    TooManyRequestsError,
}

impl BacklogErrorCode {
    pub fn from_code(code: i64) -> Option<Self> {
        Some(match code {
            1 => Self::InternalError,
            2 => Self::LicenceError,
            3 => Self::LicenceExpiredError,
            4 => Self::AccessDeniedError,
            5 => Self::UnauthorizedOperationError,
            6 => Self::NoResourceError,
            7 => Self::InvalidRequestError,
            8 => Self::SpaceOverCapacityError,
            9 => Self::ResourceOverflowError,
            10 => Self::TooLargeFileError,
            11 => Self::AuthenticationError,
            12 => Self::RequiredMfaError,
            13 => Self::TooManyRequestsError,
            _ => return None,
        })
    }

    pub fn code(self) -> i64 {
        match self {
            Self::InternalError => 1,
            Self::LicenceError => 2,
            Self::LicenceExpiredError => 3,
            Self::AccessDeniedError => 4,
            Self::UnauthorizedOperationError => 5,
            Self::NoResourceError => 6,
            Self::InvalidRequestError => 7,
            Self::SpaceOverCapacityError => 8,
            Self::ResourceOverflowError => 9,
            Self::TooLargeFileError => 10,
            Self::AuthenticationError => 11,
            Self::RequiredMfaError => 12,
            Self::TooManyRequestsError => 13,
        }
    }

    /// The name Backlog's documentation gives the code.
    pub fn name(self) -> &'static str {
        match self {
            Self::InternalError => "InternalError",
            Self::LicenceError => "LicenceError",
            Self::LicenceExpiredError => "LicenceExpiredError",
            Self::AccessDeniedError => "AccessDeniedError",
            Self::UnauthorizedOperationError => "UnauthorizedOperationError",
            Self::NoResourceError => "NoResourceError",
            Self::InvalidRequestError => "InvalidRequestError",
            Self::SpaceOverCapacityError => "SpaceOverCapacityError",
            Self::ResourceOverflowError => "ResourceOverflowError",
            Self::TooLargeFileError => "TooLargeFileError",
            Self::AuthenticationError => "AuthenticationError",
            Self::RequiredMfaError => "RequiredMFAError",
            Self::TooManyRequestsError => "TooManyRequestsError",
        }
    }
}

impl fmt::Display for BacklogErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (code {})", self.name(), self.code())
    }
}

/// A failure reported by, or on the way to, Backlog.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BacklogError {
    /// HTTP 404 / code 6: the thing asked for does not exist (or is invisible to this user).
    #[error("{what} was not found: HTTP 404 NoResourceError (code 6): \"{message}\".")]
    NotFound { what: String, message: String },

    /// HTTP 401: the API key was refused. `detail` is Backlog's code and message,
    /// or the `WWW-Authenticate` challenge when the answer had no body.
    #[error(
        "authentication failed: HTTP 401{}.",
        detail.as_deref().map(|d| format!(" {d}")).unwrap_or_default()
    )]
    AuthenticationFailed { detail: Option<String> },

    /// Backlog understood the request and refused it (400, 403, 413 …).
    #[error("{}", describe_rejection(*status, *code, message))]
    Rejected {
        status: u16,
        code: Option<BacklogErrorCode>,
        message: String,
    },

    /// HTTP 429 / code 13, still after waiting for the window to reset.
    #[error("{}", describe_rate_limit(*attempts, *waited))]
    RateLimited {
        attempts: u32,
        waited: Duration,
        retry_at: Option<DateTime<Utc>>,
    },

    /// HTTP 5xx (or a non-JSON error page from a proxy), after the allowed retries.
    #[error("{}", describe_server_error(*status, *code, message, *attempts, *write_may_have_applied))]
    ServerError {
        status: u16,
        code: Option<BacklogErrorCode>,
        message: String,
        attempts: u32,
        /// A write answered 5xx may have been applied before the failure (a
        /// proxy's 502/504 says nothing about what Backlog did): never retried.
        write_may_have_applied: bool,
    },

    /// Backlog's address answered with a redirect (3xx). Redirects are never
    /// followed, so neither the API key nor a request body goes to another
    /// address; it usually means BACKLOG_DOMAIN / BACKLOG_BASE_URL is not the
    /// space's own address. `target` is where it pointed: origin and path only,
    /// never its query string.
    #[error("{}", describe_redirect(host, *status, target.as_deref()))]
    Redirected {
        host: String,
        status: u16,
        target: Option<String>,
    },

    /// The request never left this process: its address would be too long, or
    /// the HTTP library refused it. `parameter` is the query parameter taking
    /// the most room (its name as Backlog spells it, without `[]`). Never retried.
    #[error("{}", describe_unsendable(parameter.as_deref(), reason))]
    Unsendable {
        parameter: Option<String>,
        reason: String,
    },

    /// The HTTP client could not be set up (it is built on the first request,
    /// loading the system's TLS certificates).
    #[error("could not set up the connection to Backlog: {reason}")]
    ClientSetup { reason: String },

    /// No connection could be made, or it broke before an answer arrived.
    #[error(
        "could not reach Backlog at {host} after {attempts} attempt{}: {reason}",
        plural(*attempts)
    )]
    Unreachable {
        host: String,
        reason: String,
        attempts: u32,
    },

    /// The connection broke after the request was sent, before the answer was complete.
    #[error("{}", describe_lost(host, reason, *attempts, *write_may_have_applied))]
    ConnectionLost {
        host: String,
        reason: String,
        attempts: u32,
        write_may_have_applied: bool,
    },

    /// No answer within the request timeout.
    #[error("{}", describe_timeout(host, *attempts, *write_may_have_applied))]
    TimedOut {
        host: String,
        attempts: u32,
        /// A write that timed out may have been applied: it is never retried blindly.
        write_may_have_applied: bool,
    },

    /// A download is larger than allowed.
    #[error("{what} is larger than the {limit} bytes allowed")]
    TooLarge { what: String, limit: u64 },

    /// This server's configuration forbids the request (the project allow-list).
    /// `reason` names what was refused and says truthfully what was read.
    #[error("{reason}")]
    Refused { reason: String },

    /// Backlog answered 2xx with something that is not the expected shape.
    #[error("Backlog sent an answer this server could not read ({detail})")]
    InvalidResponse { detail: String },
}

fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn describe_rejection(status: u16, code: Option<BacklogErrorCode>, message: &str) -> String {
    match code {
        Some(code) => format!("Backlog refused the request: HTTP {status} {code}: \"{message}\"."),
        None => format!("Backlog refused the request: HTTP {status}: \"{message}\"."),
    }
}

/// When the window resets is in `retry_at`; the application words it.
fn describe_rate_limit(attempts: u32, waited: Duration) -> String {
    if attempts == 0 {
        return "rate limited by Backlog (TooManyRequestsError): this minute's request budget is spent and resets later than this server waits".to_owned();
    }
    format!(
        "rate limited by Backlog (HTTP 429 TooManyRequestsError); tried {attempts} time{} over {} s",
        plural(attempts),
        waited.as_secs()
    )
}

fn describe_server_error(
    status: u16,
    code: Option<BacklogErrorCode>,
    message: &str,
    attempts: u32,
    write_may_have_applied: bool,
) -> String {
    let code = code.map(|c| format!(" {c}")).unwrap_or_default();
    if write_may_have_applied {
        format!(
            "Backlog answered a write with HTTP {status}{code}: \"{message}\". It may or may not have been applied"
        )
    } else {
        format!(
            "Backlog failed after {attempts} attempt{}: HTTP {status}{code}: \"{message}\".",
            plural(attempts)
        )
    }
}

fn describe_redirect(host: &str, status: u16, target: Option<&str>) -> String {
    let pointed = target.map_or_else(
        || "without saying where".to_owned(),
        |target| format!("to {target}"),
    );
    format!(
        "Backlog at {host} answered HTTP {status}, a redirect {pointed}. Redirects are not followed, so the API key goes nowhere but the configured space, and nothing was sent there."
    )
}

fn describe_unsendable(parameter: Option<&str>, reason: &str) -> String {
    match parameter {
        Some(parameter) => format!(
            "the request was not sent to Backlog: {reason}; `{parameter}` takes the most room"
        ),
        None => format!("the request was not sent to Backlog: {reason}"),
    }
}

fn describe_lost(host: &str, reason: &str, attempts: u32, write_may_have_applied: bool) -> String {
    if write_may_have_applied {
        format!(
            "the connection to Backlog at {host} broke during a write ({reason}); it may or may not have been applied"
        )
    } else {
        format!(
            "the connection to Backlog at {host} broke after {attempts} attempt{} ({reason})",
            plural(attempts)
        )
    }
}

fn describe_timeout(host: &str, attempts: u32, write_may_have_applied: bool) -> String {
    if write_may_have_applied {
        format!(
            "Backlog at {host} did not answer a write in time; it may or may not have been applied"
        )
    } else {
        format!(
            "Backlog at {host} did not answer in time after {attempts} attempt{}",
            plural(attempts)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_code_round_trips_with_its_name() {
        for code in 1..=13 {
            let known = BacklogErrorCode::from_code(code).unwrap();
            assert_eq!(known.code(), code);
            assert!(known.name().ends_with("Error"));
        }
        assert_eq!(BacklogErrorCode::from_code(14), None);
    }
}
