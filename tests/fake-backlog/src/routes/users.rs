//! `GET /users`, `/users/myself`, `/users/:userId`.

use super::AppState;
use crate::errors::{ApiError, ApiResult, json_ok};
use crate::json;
use axum::extract::Path;

pub(super) async fn list(state: AppState) -> ApiResult {
    let space = state.space.lock();
    let users: Vec<_> = space.users.iter().map(json::user).collect();
    Ok(json_ok(&users))
}

pub(super) async fn myself(state: AppState) -> ApiResult {
    let space = state.space.lock();
    let me = space
        .user(space.myself_id)
        .ok_or_else(ApiError::authentication)?;
    Ok(json_ok(&json::user(me)))
}

/// The path id is the numeric id (not the login `userId`).
pub(super) async fn one(state: AppState, Path(user_id): Path<String>) -> ApiResult {
    let space = state.space.lock();
    let user = user_id
        .parse::<i64>()
        .ok()
        .and_then(|id| space.user(id))
        .ok_or_else(|| ApiError::not_found("No user."))?;
    Ok(json_ok(&json::user(user)))
}
