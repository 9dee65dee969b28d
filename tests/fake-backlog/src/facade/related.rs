//! Related issues (`GET`/`POST /issues/:k/relatedIssues`, `DELETE
//! /issues/:k/relatedIssues/:id`) and a user's received stars.

use super::issues::issue_ref;
use super::{AppState, issue_wire, refusal};
use crate::errors::{ApiError, ApiResult, json_ok};
use crate::routes::rfc5987;
use crate::routes::{Form, Query};
use axum::body::Body;
use axum::extract::Path;
use axum::http::{HeaderValue, Response, header};
use backlog_mcp::domain::calendar_date::{CalendarDate, DateRange};
use backlog_mcp::domain::ids::{AttachmentId, IssueId, UserId};
use backlog_mcp::domain::issue::Issue;
use backlog_mcp::ports::{AttachmentRepository, IssueRepository, UserRepository};
use serde_json::{Value, json};

fn answer(state: &AppState, issue: &Issue) -> ApiResult {
    Ok(json_ok(
        &state.inspect(|space| issue_wire::issue(space, issue)),
    ))
}

pub async fn list(state: AppState, Path(issue): Path<String>) -> ApiResult {
    let found = state
        .related_issues(&issue_ref(&issue)?)
        .await
        .map_err(refusal)?;
    let list: Vec<Value> =
        state.inspect(|space| found.iter().map(|i| issue_wire::issue(space, i)).collect());
    Ok(json_ok(&list))
}

/// `targetIssueId`.
pub async fn add(state: AppState, form: Form, Path(issue): Path<String>) -> ApiResult {
    let target = form.required_int("targetIssueId")?;
    let target = IssueId::new(target)
        .map_err(|_| ApiError::invalid(format!("targetIssueId is not an id: {target}")))?;
    let linked = state
        .add_related_issue(&issue_ref(&issue)?, target)
        .await
        .map_err(refusal)?;
    answer(&state, &linked)
}

pub async fn remove(state: AppState, Path((issue, related)): Path<(String, String)>) -> ApiResult {
    let related = related
        .parse::<i64>()
        .ok()
        .and_then(|v| IssueId::new(v).ok())
        .ok_or_else(|| ApiError::not_found("No related issue."))?;
    let removed = state
        .remove_related_issue(&issue_ref(&issue)?, related)
        .await
        .map_err(refusal)?;
    answer(&state, &removed)
}

/// `since`, `until` (inclusive days).
pub async fn star_count(state: AppState, query: Query, Path(user): Path<String>) -> ApiResult {
    let user = user
        .parse::<i64>()
        .ok()
        .and_then(|v| UserId::new(v).ok())
        .ok_or_else(|| ApiError::not_found("No user."))?;
    let since = query.date("since")?.map(CalendarDate::from_naive);
    let until = query.date("until")?.map(CalendarDate::from_naive);
    let range =
        DateRange::new(since, until).map_err(|e| ApiError::invalid(format!("since: {e}")))?;
    let count = state
        .received_star_count(user, &range)
        .await
        .map_err(refusal)?;
    Ok(json_ok(&json!({ "count": count })))
}

/// `GET /issues/:k/attachments/:id`: the bytes, with the file's type and name.
pub async fn attachment(state: AppState, Path((issue, id)): Path<(String, String)>) -> ApiResult {
    let id = id
        .parse::<i64>()
        .ok()
        .and_then(|v| AttachmentId::new(v).ok())
        .ok_or_else(|| ApiError::not_found("No attachment."))?;
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
