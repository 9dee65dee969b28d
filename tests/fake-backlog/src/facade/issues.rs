//! `GET /issues`, `/issues/count` and `/issues/:issueIdOrKey`.

use super::issue_query;
use super::issue_wire;
use super::{AppState, refusal};
use crate::errors::{ApiError, ApiResult, json_ok};
use crate::routes::Query;
use axum::extract::Path;
use backlog_mcp::domain::ids::IssueId;
use backlog_mcp::domain::keys::IssueKey;
use backlog_mcp::ports::{IssueRef, IssueRepository};
use serde_json::{Value, json};

/// An `issueIdOrKey` path segment; one that is neither is no issue.
pub fn issue_ref(id_or_key: &str) -> Result<IssueRef, ApiError> {
    let by_id = id_or_key
        .parse::<i64>()
        .ok()
        .and_then(|id| IssueId::new(id).ok())
        .map(IssueRef::Id);
    by_id
        .or_else(|| IssueKey::parse(id_or_key).ok().map(IssueRef::Key))
        .ok_or_else(|| ApiError::not_found("No issue."))
}

pub async fn list(state: AppState, query: Query) -> ApiResult {
    let page = issue_query::page(&query)?;
    let issues = state.issues(&page).await.map_err(refusal)?;
    let answer = state.inspect(|space| {
        issues
            .iter()
            .map(|i| issue_wire::issue(space, i))
            .collect::<Vec<Value>>()
    });
    Ok(json_ok(&answer))
}

pub async fn count(state: AppState, query: Query) -> ApiResult {
    let filter = issue_query::filter(&query)?;
    let count = state.count_issues(&filter).await.map_err(refusal)?;
    Ok(json_ok(&json!({ "count": count })))
}

pub async fn one(state: AppState, Path(issue): Path<String>) -> ApiResult {
    let found = state.issue(&issue_ref(&issue)?).await.map_err(refusal)?;
    Ok(json_ok(
        &state.inspect(|space| issue_wire::issue(space, &found)),
    ))
}
