//! Watch lists: `GET /users/:id/watchings` (and `/count`), `GET`/`PATCH`/`DELETE
//! /watchings/:id`, `POST /watchings`, `POST /watchings/:id/markAsRead` (204).

use super::issue_wire;
use super::{AppState, ServedModel, answer, answer_all, path_id, refusal};
use crate::errors::{ApiError, ApiResult, json_ok, no_content};
use crate::params::{Form, Query};
use axum::Router;
use axum::extract::Path;
use axum::routing::{get, post};
use backlog_mcp::adapters::memory::Space;
use backlog_mcp::domain::ids::{IssueId, UserId, WatchingId};
use backlog_mcp::domain::watching::{Watching, WatchingCountQuery, WatchingQuery, WatchingSort};
use backlog_mcp::ports::WatchingRepository;
use serde_json::{Value, json};

pub(super) fn routes() -> Router<ServedModel> {
    Router::new()
        .route("/api/v2/users/{user}/watchings", get(list))
        .route("/api/v2/users/{user}/watchings/count", get(count))
        .route("/api/v2/watchings", post(add))
        .route(
            "/api/v2/watchings/{watching}",
            get(one).patch(update).delete(delete),
        )
        .route(
            "/api/v2/watchings/{watching}/markAsRead",
            post(mark_as_read),
        )
}

fn watching(space: &Space, w: &Watching) -> Value {
    json!({
        "id": w.id.get(), "resourceAlreadyRead": w.resource_already_read, "note": w.note,
        "type": "issue", "issue": w.issue.as_ref().map(|i| issue_wire::issue(space, i)),
        "lastContentUpdated": super::wire::timestamp(w.last_content_updated),
        "created": super::wire::timestamp(w.created), "updated": super::wire::timestamp(w.updated),
    })
}

/// `order`, `sort` (`created`, `updated`, `issueUpdated`), `count`, `offset`,
/// `resourceAlreadyRead`, `issueId[]`.
pub async fn list(state: AppState, query: Query, Path(user): Path<String>) -> ApiResult {
    let sort = match query.get("sort") {
        None | Some("issueUpdated") => WatchingSort::IssueUpdated,
        Some("created") => WatchingSort::Created,
        Some("updated") => WatchingSort::Updated,
        Some(other) => return Err(ApiError::invalid(format!("sort is unknown: {other}"))),
    };
    let wanted = WatchingQuery {
        order: query.sort_order()?,
        sort,
        count: query.page_size()?,
        offset: query.offset()?,
        resource_already_read: query.bool("resourceAlreadyRead")?,
        issue_ids: query.ids("issueId", IssueId::new)?,
    };
    let found = state
        .watchings(path_id(&user, UserId::new, "No user.")?, &wanted)
        .await
        .map_err(refusal)?;
    answer_all(&state, &found, watching)
}

pub async fn count(state: AppState, query: Query, Path(user): Path<String>) -> ApiResult {
    let wanted = WatchingCountQuery {
        resource_already_read: query.bool("resourceAlreadyRead")?,
        already_read: query.bool("alreadyRead")?,
    };
    let count = state
        .watching_count(path_id(&user, UserId::new, "No user.")?, &wanted)
        .await
        .map_err(refusal)?;
    Ok(json_ok(&json!({ "count": count })))
}

pub async fn one(state: AppState, Path(id): Path<String>) -> ApiResult {
    let found = state
        .watching(path_id(&id, WatchingId::new, "No watching.")?)
        .await
        .map_err(refusal)?;
    answer(&state, &found, watching)
}

/// `issueIdOrKey`, `note`.
pub async fn add(state: AppState, form: Form) -> ApiResult {
    let issue = super::issues::issue_ref(form.required_text("issueIdOrKey")?)?;
    let note = form.raw("note").unwrap_or_default();
    let added = state.add_watching(&issue, note).await.map_err(refusal)?;
    answer(&state, &added, watching)
}

/// `note`.
pub async fn update(state: AppState, form: Form, Path(id): Path<String>) -> ApiResult {
    let note = form.raw("note").unwrap_or_default();
    let updated = state
        .update_watching(path_id(&id, WatchingId::new, "No watching.")?, note)
        .await
        .map_err(refusal)?;
    answer(&state, &updated, watching)
}

pub async fn delete(state: AppState, Path(id): Path<String>) -> ApiResult {
    let deleted = state
        .delete_watching(path_id(&id, WatchingId::new, "No watching.")?)
        .await
        .map_err(refusal)?;
    answer(&state, &deleted, watching)
}

pub async fn mark_as_read(state: AppState, Path(id): Path<String>) -> ApiResult {
    state
        .mark_watching_as_read(path_id(&id, WatchingId::new, "No watching.")?)
        .await
        .map_err(refusal)?;
    Ok(no_content())
}
