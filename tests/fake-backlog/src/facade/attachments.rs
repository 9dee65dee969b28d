//! An issue's attachments: `GET /issues/:k/attachments` and the download,
//! `GET /issues/:k/attachments/:id`.

use super::issues::issue_ref;
use super::{AppState, ServedModel, issue_wire, path_id, refusal};
use crate::errors::{ApiResult, json_ok};
use crate::routes::rfc5987;
use axum::Router;
use axum::body::Body;
use axum::extract::Path;
use axum::http::{HeaderValue, Response, header};
use axum::routing::get;
use backlog_mcp::domain::ids::AttachmentId;
use backlog_mcp::ports::{AttachmentRepository, IssueRepository};

pub(super) fn routes() -> Router<ServedModel> {
    Router::new()
        .route("/api/v2/issues/{issue}/attachments", get(attachments))
        .route(
            "/api/v2/issues/{issue}/attachments/{attachment}",
            get(attachment),
        )
}

/// `GET /issues/:k/attachments`.
pub async fn attachments(state: AppState, Path(issue): Path<String>) -> ApiResult {
    let found = state.issue(&issue_ref(&issue)?).await.map_err(refusal)?;
    let list = state.inspect(|space| issue_wire::issue(space, &found))["attachments"].take();
    Ok(json_ok(&list))
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
