//! The messages users see are the failure and the next step; each is pinned
//! here as it was when the domain error still carried the advice.

use super::*;
use chrono::{TimeZone, Utc};
use std::time::Duration;

fn host() -> String {
    "acme.backlog.com".to_owned()
}

#[test]
fn every_failure_is_worded_with_its_next_step() {
    let cases: Vec<(BacklogError, &str)> = vec![
        (
            BacklogError::NotFound {
                what: "issue WEB-9".into(),
                message: "No issue.".into(),
            },
            "issue WEB-9 was not found: HTTP 404 NoResourceError (code 6): \"No issue.\". Check the id or key, or list them to find valid ones.",
        ),
        (
            BacklogError::AuthenticationFailed {
                detail: Some("AuthenticationError (code 11): \"Authentication failure.\"".into()),
            },
            "authentication failed: HTTP 401 AuthenticationError (code 11): \"Authentication failure.\". Check BACKLOG_API_KEY; regenerate it under Personal Settings → API.",
        ),
        (
            BacklogError::AuthenticationFailed { detail: None },
            "authentication failed: HTTP 401. Check BACKLOG_API_KEY; regenerate it under Personal Settings → API.",
        ),
        (
            BacklogError::Rejected {
                status: 403,
                code: Some(BacklogErrorCode::UnauthorizedOperationError),
                message: "No permission.".into(),
            },
            "Backlog refused the request: HTTP 403 UnauthorizedOperationError (code 5): \"No permission.\". The API key's user lacks the permission for this; ask a project administrator or use another account.",
        ),
        (
            BacklogError::Rejected {
                status: 400,
                code: None,
                message: "Bad.".into(),
            },
            "Backlog refused the request: HTTP 400: \"Bad.\".",
        ),
        (
            BacklogError::RateLimited {
                attempts: 4,
                waited: Duration::from_secs(62),
                retry_at: Some(Utc.with_ymd_and_hms(2026, 3, 1, 10, 42, 0).unwrap()),
            },
            "rate limited by Backlog (HTTP 429 TooManyRequestsError); tried 4 times over 62 s; try again after 10:42:00 UTC or narrow the query",
        ),
        (
            BacklogError::RateLimited {
                attempts: 0,
                waited: Duration::ZERO,
                retry_at: None,
            },
            "rate limited by Backlog (TooManyRequestsError): this minute's request budget is spent and resets later than this server waits; try again in a minute or narrow the query",
        ),
        (
            BacklogError::ServerError {
                status: 502,
                code: None,
                message: "Bad Gateway".into(),
                attempts: 1,
                write_may_have_applied: true,
            },
            "Backlog answered a write with HTTP 502: \"Bad Gateway\". It may or may not have been applied, so check the current state before trying again.",
        ),
        (
            BacklogError::ServerError {
                status: 500,
                code: Some(BacklogErrorCode::InternalError),
                message: "Oops".into(),
                attempts: 3,
                write_may_have_applied: false,
            },
            "Backlog failed after 3 attempts: HTTP 500 InternalError (code 1): \"Oops\". Backlog or a proxy in front of it is failing; try again later.",
        ),
        (
            BacklogError::Redirected {
                host: host(),
                status: 301,
                target: None,
            },
            "Backlog at acme.backlog.com answered HTTP 301, a redirect without saying where. Redirects are not followed, so the API key goes nowhere but the configured space, and nothing was sent there. This usually means BACKLOG_DOMAIN / BACKLOG_BASE_URL is not your space's address (e.g. your-space.backlog.com instead of your-space.backlog.jp, or https instead of http); set it to the space's own address.",
        ),
        (
            BacklogError::Unsendable {
                parameter: Some("keyword".into()),
                reason: "too long".into(),
            },
            "the request was not sent to Backlog: too long; `keyword` takes the most room: shorten it or pass fewer values",
        ),
        (
            BacklogError::Unsendable {
                parameter: None,
                reason: "refused".into(),
            },
            "the request was not sent to Backlog: refused",
        ),
        (
            BacklogError::ClientSetup {
                reason: "no certificates".into(),
            },
            "could not set up the connection to Backlog: no certificates; check the system's TLS certificates (the ca-certificates package, or SSL_CERT_FILE)",
        ),
        (
            BacklogError::Unreachable {
                host: host(),
                reason: "refused".into(),
                attempts: 1,
            },
            "could not reach Backlog at acme.backlog.com after 1 attempt: refused; check BACKLOG_DOMAIN / BACKLOG_BASE_URL and the network",
        ),
        (
            BacklogError::ConnectionLost {
                host: host(),
                reason: "reset".into(),
                attempts: 2,
                write_may_have_applied: false,
            },
            "the connection to Backlog at acme.backlog.com broke after 2 attempts (reset); try again later",
        ),
        (
            BacklogError::ConnectionLost {
                host: host(),
                reason: "reset".into(),
                attempts: 1,
                write_may_have_applied: true,
            },
            "the connection to Backlog at acme.backlog.com broke during a write (reset); it may or may not have been applied, so check the current state before trying again",
        ),
        (
            BacklogError::TimedOut {
                host: host(),
                attempts: 3,
                write_may_have_applied: false,
            },
            "Backlog at acme.backlog.com did not answer in time after 3 attempts; try again later or narrow the query",
        ),
        (
            BacklogError::TimedOut {
                host: host(),
                attempts: 1,
                write_may_have_applied: true,
            },
            "Backlog at acme.backlog.com did not answer a write in time; it may or may not have been applied, so check the current state before trying again",
        ),
        (
            BacklogError::TooLarge {
                what: "attachment 7".into(),
                limit: 100,
            },
            "attachment 7 is larger than the 100 bytes allowed; ask for a smaller file or raise maxBytes (at most 7340032)",
        ),
        (
            BacklogError::Refused {
                reason: "project SECRET is outside BACKLOG_ALLOWED_PROJECTS".into(),
            },
            "project SECRET is outside BACKLOG_ALLOWED_PROJECTS",
        ),
        (
            BacklogError::InvalidResponse {
                detail: "missing id".into(),
            },
            "Backlog sent an answer this server could not read (missing id); please report it",
        ),
    ];
    for (error, expected) in cases {
        assert_eq!(worded(&error), expected);
    }
}

#[test]
fn the_domain_error_says_only_what_failed() {
    let advice = [
        "Personal Settings",
        "narrow",
        "maxBytes",
        "try again",
        "check ",
        "Check ",
        "report",
    ];
    let errors = [
        BacklogError::AuthenticationFailed { detail: None },
        BacklogError::RateLimited {
            attempts: 2,
            waited: Duration::from_secs(5),
            retry_at: None,
        },
        BacklogError::TooLarge {
            what: "attachment 7".into(),
            limit: 100,
        },
        BacklogError::TimedOut {
            host: host(),
            attempts: 3,
            write_may_have_applied: true,
        },
        BacklogError::Rejected {
            status: 403,
            code: Some(BacklogErrorCode::AuthenticationError),
            message: "No.".into(),
        },
        BacklogError::InvalidResponse { detail: "x".into() },
    ];
    for error in errors {
        let what = error.to_string();
        assert!(!advice.iter().any(|a| what.contains(a)), "{what}");
    }
}

#[test]
fn every_code_has_a_next_step() {
    for code in (1..=13).filter_map(BacklogErrorCode::from_code) {
        assert!(next_step(code).ends_with('.'), "{code}");
    }
}
