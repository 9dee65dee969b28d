//! `GET /issues`, `/issues/count`, `/issues/:issueIdOrKey`.

use super::{AppState, Query};
use crate::errors::{ApiError, ApiResult, json_ok};
use crate::filters::{IssueFilter, IssueQuery};
use crate::json;
use axum::extract::Path;
use serde_json::json;

pub(super) async fn list(state: AppState, query: Query) -> ApiResult {
    let issue_query = IssueQuery::parse(&query)?;
    let space = state.space.read_lock();
    let page: Vec<_> = issue_query
        .page(&space)
        .into_iter()
        .map(|i| json::issue(&space, i))
        .collect();
    Ok(json_ok(&page))
}

/// Same filters as the list; sort, order, offset and count are ignored.
pub(super) async fn count(state: AppState, query: Query) -> ApiResult {
    let filter = IssueFilter::parse(&query)?;
    let space = state.space.read_lock();
    let count = filter.select(&space).len();
    Ok(json_ok(&json!({ "count": count })))
}

pub(super) async fn one(state: AppState, Path(issue): Path<String>) -> ApiResult {
    let space = state.space.read_lock();
    let issue = space
        .issue_by_id_or_key(&issue)
        .ok_or_else(|| ApiError::not_found("No issue."))?;
    Ok(json_ok(&json::issue(&space, issue)))
}
