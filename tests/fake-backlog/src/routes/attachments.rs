//! `GET /issues/:k/attachments` (list) and `GET /issues/:k/attachments/:id` (the raw
//! bytes, with `Content-Type` from the file name and
//! `Content-Disposition: attachment; filename*=UTF-8''<percent-encoded name>`).

use super::{AppState, issue_id, path_id};
use crate::errors::{ApiError, ApiResult, json_ok};
use crate::json;
use axum::body::Body;
use axum::extract::Path;
use axum::http::{HeaderValue, Response, header};

pub(super) async fn list(state: AppState, Path(issue): Path<String>) -> ApiResult {
    let space = state.space.lock();
    let id = issue_id(&space, &issue)?;
    let issue = space.issue(id).expect("found");
    let attachments: Vec<_> = issue
        .attachments
        .iter()
        .map(|a| json::attachment(&space, a))
        .collect();
    Ok(json_ok(&attachments))
}

pub(super) async fn download(
    state: AppState,
    Path((issue, attachment)): Path<(String, String)>,
) -> ApiResult {
    let space = state.space.lock();
    let id = issue_id(&space, &issue)?;
    let attachment_id = path_id(&attachment, "No attachment.")?;
    let a = space
        .attachment(id, attachment_id)
        .ok_or_else(|| ApiError::not_found("No attachment."))?;
    let mut response = Response::new(Body::from(a.data.as_bytes().to_vec()));
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(a.content_type()),
    );
    let disposition = format!("attachment; filename*=UTF-8''{}", rfc5987(&a.name));
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(response)
}

/// RFC 5987 `value-chars`: `attr-char`s as they are, every other byte `%XX`.
pub(crate) fn rfc5987(name: &str) -> String {
    let mut out = String::with_capacity(name.len() * 3);
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn rfc5987() {
        assert_eq!(super::rfc5987("a b.txt"), "a%20b.txt");
        assert_eq!(super::rfc5987("議.txt"), "%E8%AD%B0.txt");
        assert_eq!(super::rfc5987("x(1);'\"*"), "x%281%29%3B%27%22%2A");
    }
}
