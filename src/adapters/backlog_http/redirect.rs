//! Redirects are never followed: a redirect could carry the `Backlog-API-Key`
//! header, and on 307/308 a write's body, to any host. A 3xx answer is reported
//! instead, naming where it pointed (origin and path only: a query string may hold
//! anything), which usually shows the right address of the space.

use crate::domain::backlog_error::BacklogError;
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, LOCATION};
use url::Url;

/// The most characters of the target's path shown.
const SHOWN_PATH_CHARS: usize = 120;

/// The error for a 3xx answer to a request for `requested` on `host`.
pub fn redirect_error(
    status: StatusCode,
    headers: &HeaderMap,
    requested: &Url,
    host: &str,
) -> BacklogError {
    let target = headers
        .get(LOCATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|location| requested.join(location.trim()).ok())
        .and_then(|target| shown(&target));
    BacklogError::Redirected {
        host: host.to_owned(),
        status: status.as_u16(),
        target,
    }
}

/// `scheme://host[:port]/path`: no user-info, query string or fragment.
fn shown(target: &Url) -> Option<String> {
    let host = target.host_str()?;
    let port = target.port().map(|p| format!(":{p}")).unwrap_or_default();
    let path = target.path();
    let path = match path.char_indices().nth(SHOWN_PATH_CHARS) {
        Some((cut, _)) => format!("{}…", path.get(..cut).unwrap_or_default()),
        None => path.to_owned(),
    };
    Some(format!("{}://{host}{port}{path}", target.scheme()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn redirected(location: &str) -> Option<String> {
        let mut headers = HeaderMap::new();
        headers.insert(LOCATION, HeaderValue::from_str(location).unwrap());
        let requested = Url::parse("https://acme.backlog.jp/api/v2/issues?keyword=x").unwrap();
        match redirect_error(StatusCode::FOUND, &headers, &requested, "acme.backlog.jp") {
            BacklogError::Redirected { target, .. } => target,
            other => panic!("expected Redirected, got {other:?}"),
        }
    }

    #[test]
    fn the_target_is_shown_without_credentials_query_or_fragment() {
        assert_eq!(
            redirected("https://user:pw@acme.backlog.com:8443/api/v2/issues?apiKey=s3cret#top")
                .as_deref(),
            Some("https://acme.backlog.com:8443/api/v2/issues")
        );
    }

    #[test]
    fn a_relative_target_is_resolved_against_the_request() {
        assert_eq!(
            redirected("/LoginDisplay.action?url=%2Fapi").as_deref(),
            Some("https://acme.backlog.jp/LoginDisplay.action")
        );
    }

    #[test]
    fn a_missing_or_unusable_location_is_said_so() {
        let requested = Url::parse("https://acme.backlog.jp/api/v2/space").unwrap();
        let error = redirect_error(
            StatusCode::MOVED_PERMANENTLY,
            &HeaderMap::new(),
            &requested,
            "acme.backlog.jp",
        );
        let text = error.to_string();
        assert!(
            text.starts_with(
                "Backlog at acme.backlog.jp answered HTTP 301, a redirect without saying where."
            ),
            "{text}"
        );
        assert!(text.contains("Redirects are not followed"), "{text}");
        assert_eq!(redirected("mailto:someone@example.com"), None);
    }
}
