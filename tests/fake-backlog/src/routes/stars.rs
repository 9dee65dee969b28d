//! `GET /users/:id/stars/count`: stars the user received (on the issues and comments
//! they wrote), optionally within `since` / `until` (`yyyy-MM-dd`, inclusive days).

use super::{AppState, Query, user_id};
use crate::errors::{ApiResult, json_ok};
use axum::extract::Path;
use serde_json::json;

pub(super) async fn count(state: AppState, query: Query, Path(user): Path<String>) -> ApiResult {
    let since = query.date("since")?;
    let until = query.date("until")?;
    let space = state.space.lock();
    let user = user_id(&space, &user)?;
    let on_issues = space
        .issues
        .iter()
        .filter(|i| i.created_user_id == user)
        .flat_map(|i| i.stars.iter());
    let on_comments = space
        .issues
        .iter()
        .flat_map(|i| i.comments.iter())
        .filter(|c| c.created_user_id == user)
        .flat_map(|c| c.stars.iter());
    let count = on_issues
        .chain(on_comments)
        .filter(|s| {
            let day = s.created.date_naive();
            since.is_none_or(|d| day >= d) && until.is_none_or(|d| day <= d)
        })
        .count();
    Ok(json_ok(&json!({ "count": count })))
}
