//! `GET /space/activities`, `/users/:id/activities`, `/projects/:p/activities`:
//! `activityTypeId[]` (OR), `minId` / `maxId` (exclusive), `count` 1–100 (default 20),
//! `order` (default desc). Bounds and types are applied first, then the order, then
//! the count: with `order=desc` the newest activities inside the bounds come back.

use super::{AppState, Query, user_id};
use crate::errors::{ApiError, ApiResult, json_ok};
use crate::json;
use crate::space::{Activity, Space};
use axum::extract::Path;

fn page(space: &Space, query: &Query, keep: impl Fn(&Activity) -> bool) -> ApiResult {
    let types = query.ints("activityTypeId")?;
    let min_id = query.int("minId")?;
    let max_id = query.int("maxId")?;
    let count = query.int_in("count", 1, 100)?.unwrap_or(20) as usize;
    let ascending = query.ascending()?;
    let inside = space.activities.iter().filter(|a| {
        keep(a)
            && (types.is_empty() || types.contains(&a.type_id))
            && min_id.is_none_or(|m| a.id > m)
            && max_id.is_none_or(|m| a.id < m)
    });
    let render = |a| json::activity(space, a);
    let page: Vec<_> = if ascending {
        inside.take(count).map(render).collect()
    } else {
        inside.rev().take(count).map(render).collect()
    };
    Ok(json_ok(&page))
}

pub(super) async fn space(state: AppState, query: Query) -> ApiResult {
    let space = state.space.lock();
    page(&space, &query, |_| true)
}

pub(super) async fn user(state: AppState, query: Query, Path(user): Path<String>) -> ApiResult {
    let space = state.space.lock();
    let user = user_id(&space, &user)?;
    page(&space, &query, |a| a.created_user_id == user)
}

pub(super) async fn project(state: AppState, query: Query, Path(p): Path<String>) -> ApiResult {
    let space = state.space.lock();
    let project = space
        .project_by_id_or_key(&p)
        .map(|p| p.id)
        .ok_or_else(|| ApiError::not_found("No project."))?;
    page(&space, &query, |a| a.project_id == project)
}
