//! The space, its priorities and resolutions, its users and their received
//! stars: `GET /space`, `/priorities`, `/resolutions`, `/users`,
//! `/users/myself`, `/users/:id`, `/users/:id/stars/count`.

use super::{AppState, ServedModel, list, path_id, refusal, wire};
use crate::errors::{ApiError, ApiResult, json_ok};
use crate::params::Query;
use axum::Router;
use axum::extract::Path;
use axum::routing::get;
use backlog_mcp::domain::calendar_date::{CalendarDate, DateRange};
use backlog_mcp::domain::ids::UserId;
use backlog_mcp::ports::{SpaceRepository, StarRepository, UserRepository};
use serde_json::json;

pub(super) fn routes() -> Router<ServedModel> {
    Router::new()
        .route("/api/v2/space", get(space))
        .route("/api/v2/priorities", get(priorities))
        .route("/api/v2/resolutions", get(resolutions))
        .route("/api/v2/users", get(users))
        .route("/api/v2/users/myself", get(myself))
        .route("/api/v2/users/{user}/stars/count", get(star_count))
}

async fn space(state: AppState) -> ApiResult {
    let space = state.space().await.map_err(refusal)?;
    Ok(json_ok(&wire::space(&space)))
}

async fn priorities(state: AppState) -> ApiResult {
    let all = state.priorities().await.map_err(refusal)?;
    Ok(json_ok(&list(&all, wire::named)))
}

async fn resolutions(state: AppState) -> ApiResult {
    let all = state.resolutions().await.map_err(refusal)?;
    Ok(json_ok(&list(&all, wire::named)))
}

async fn users(state: AppState) -> ApiResult {
    let all = state.users().await.map_err(refusal)?;
    Ok(json_ok(&list(&all, wire::user)))
}

async fn myself(state: AppState) -> ApiResult {
    let me = state.myself().await.map_err(refusal)?;
    Ok(json_ok(&wire::user(&me)))
}

/// `since`, `until` (inclusive days).
pub async fn star_count(state: AppState, query: Query, Path(user): Path<String>) -> ApiResult {
    let user = path_id(&user, UserId::new, "No user.")?;
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
