//! `GET /issues/:k/comments` (cursor paging by id), `/comments/count`, `/comments/:id`.

use super::{AppState, Query};
use crate::errors::{ApiError, ApiResult, json_ok};
use crate::json;
use crate::space::{Issue, Space};
use axum::extract::Path;
use serde_json::json;

fn find<'a>(space: &'a Space, id_or_key: &str) -> Result<&'a Issue, ApiError> {
    space
        .issue_by_id_or_key(id_or_key)
        .ok_or_else(|| ApiError::not_found("No issue."))
}

/// `minId` / `maxId` are exclusive bounds; `count` 1–100 (default 20); `order`
/// asc|desc (default desc). The bounds are applied first, then the order, then the
/// count: with `order=desc` the newest comments inside the bounds come back.
pub(super) async fn list(state: AppState, query: Query, Path(issue): Path<String>) -> ApiResult {
    let min_id = query.int("minId")?;
    let max_id = query.int("maxId")?;
    let count = query.int_in("count", 1, 100)?.unwrap_or(20) as usize;
    let ascending = query.ascending()?;
    let space = state.space.lock();
    let issue = find(&space, &issue)?;
    let inside = issue
        .comments
        .iter()
        .filter(|c| min_id.is_none_or(|m| c.id > m) && max_id.is_none_or(|m| c.id < m));
    let render = |c| json::comment(&space, issue, c);
    let page: Vec<_> = if ascending {
        inside.take(count).map(render).collect()
    } else {
        inside.rev().take(count).map(render).collect()
    };
    Ok(json_ok(&page))
}

pub(super) async fn count(state: AppState, Path(issue): Path<String>) -> ApiResult {
    let space = state.space.lock();
    let issue = find(&space, &issue)?;
    Ok(json_ok(&json!({ "count": issue.comments.len() })))
}

pub(super) async fn one(
    state: AppState,
    Path((issue, comment_id)): Path<(String, String)>,
) -> ApiResult {
    let space = state.space.lock();
    let issue = find(&space, &issue)?;
    let comment = comment_id
        .parse::<i64>()
        .ok()
        .and_then(|id| issue.comments.iter().find(|c| c.id == id))
        .ok_or_else(|| ApiError::not_found("No comment."))?;
    Ok(json_ok(&json::comment(&space, issue, comment)))
}
