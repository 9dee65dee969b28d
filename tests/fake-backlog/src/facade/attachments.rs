//! An issue's attachment download: `GET /issues/:k/attachments/:id` (the list
//! comes with the issue).

use super::issues::issue_ref;
use super::{AppState, ServedModel, path_id, refusal};
use crate::errors::ApiResult;
use axum::Router;
use axum::body::Body;
use axum::extract::Path;
use axum::http::{HeaderValue, Response, header};
use axum::routing::get;
use backlog_mcp::domain::ids::AttachmentId;
use backlog_mcp::ports::AttachmentRepository;

pub(super) fn routes() -> Router<ServedModel> {
    Router::new().route(
        "/api/v2/issues/{issue}/attachments/{attachment}",
        get(attachment),
    )
}

/// `GET /issues/:k/attachments/:id`: the bytes, with the file's type and name.
pub async fn attachment(state: AppState, Path((issue, id)): Path<(String, String)>) -> ApiResult {
    let id = path_id(&id, AttachmentId::new, "No attachment.")?;
    // The client enforces its own limit while reading.
    let file = state
        .attachment(&issue_ref(&issue)?, id, u64::MAX)
        .await
        .map_err(refusal)?;
    let mut response = Response::new(Body::from(file.bytes));
    let headers = response.headers_mut();
    let content_type = file
        .content_type
        .as_deref()
        .unwrap_or("application/octet-stream");
    if let Ok(v) = HeaderValue::from_str(content_type) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    let disposition = format!("attachment; filename*=UTF-8''{}", rfc5987(&file.file_name));
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(response)
}

/// RFC 5987 `value-chars`: `attr-char`s as they are, every other byte `%XX`
/// (a download's `Content-Disposition: attachment; filename*=UTF-8''…`).
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
