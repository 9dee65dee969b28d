//! Watchings: `GET /users/:id/watchings` (+ `/count`), `GET/PATCH/DELETE
//! /watchings/:id`, `POST /watchings`, `POST /watchings/:id/markAsRead` (204).
//!
//! Changing, deleting or marking another user's watching is 403 / code 5. Watching an
//! issue twice, or an issue that does not exist, is 400 / code 7 naming
//! `issueIdOrKey`.

use super::{AppState, Form, Query, path_id, user_id};
use crate::errors::{ApiError, ApiResult, json_ok, no_content};
use crate::json;
use crate::space::{Space, Watching};
use axum::extract::Path;
use serde_json::json;

/// `order` (default desc), `sort` `created|updated|issueUpdated` (default
/// `issueUpdated`), `count` 1–100 (default 20), `offset`, `resourceAlreadyRead`,
/// `issueId[]`. Ties are broken by id in the same direction.
pub(super) async fn list(state: AppState, query: Query, Path(user): Path<String>) -> ApiResult {
    let ascending = query.ascending()?;
    let sort = query.get("sort").unwrap_or("issueUpdated");
    if !["created", "updated", "issueUpdated"].contains(&sort) {
        return Err(ApiError::invalid(format!(
            "sort must be created, updated or issueUpdated: {sort}"
        )));
    }
    let count = query.int_in("count", 1, 100)?.unwrap_or(20) as usize;
    let offset = query.int_in("offset", 0, i64::MAX)?.unwrap_or(0) as usize;
    let resource_read = query.bool("resourceAlreadyRead")?;
    let issue_ids = query.ints("issueId")?;
    let space = state.space.lock();
    let user = user_id(&space, &user)?;
    let mut watchings: Vec<&Watching> = space
        .watchings
        .iter()
        .filter(|w| {
            w.user_id == user
                && resource_read.is_none_or(|r| w.resource_already_read == r)
                && (issue_ids.is_empty() || issue_ids.contains(&w.issue_id))
        })
        .collect();
    let issue_updated = |w: &Watching| space.issue(w.issue_id).map(|i| i.updated);
    watchings.sort_by(|a, b| {
        let ord = match sort {
            "created" => a.created.cmp(&b.created),
            "updated" => a.updated.cmp(&b.updated),
            _ => issue_updated(a).cmp(&issue_updated(b)),
        }
        .then(a.id.cmp(&b.id));
        if ascending { ord } else { ord.reverse() }
    });
    let page: Vec<_> = watchings
        .into_iter()
        .skip(offset)
        .take(count)
        .map(|w| json::watching(&space, w))
        .collect();
    Ok(json_ok(&page))
}

/// `resourceAlreadyRead`, `alreadyRead`; when both are given, `resourceAlreadyRead` is
/// ignored.
pub(super) async fn count(state: AppState, query: Query, Path(user): Path<String>) -> ApiResult {
    let resource_read = query.bool("resourceAlreadyRead")?;
    let read = query.bool("alreadyRead")?;
    let space = state.space.lock();
    let user = user_id(&space, &user)?;
    let count = space
        .watchings
        .iter()
        .filter(|w| w.user_id == user)
        .filter(|w| match (read, resource_read) {
            (Some(r), _) => w.already_read == r,
            (None, Some(r)) => w.resource_already_read == r,
            (None, None) => true,
        })
        .count();
    Ok(json_ok(&json!({ "count": count })))
}

fn find(space: &Space, raw: &str) -> Result<i64, ApiError> {
    let id = path_id(raw, "No watching.")?;
    space
        .watching(id)
        .map(|w| w.id)
        .ok_or_else(|| ApiError::not_found("No watching."))
}

/// The watching, if it belongs to "myself".
fn own(space: &Space, raw: &str) -> Result<usize, ApiError> {
    let id = find(space, raw)?;
    let index = space
        .watchings
        .iter()
        .position(|w| w.id == id)
        .expect("found");
    if space.watchings[index].user_id != space.myself_id {
        return Err(ApiError::forbidden(
            "This watching belongs to another user.",
        ));
    }
    Ok(index)
}

pub(super) async fn one(state: AppState, Path(id): Path<String>) -> ApiResult {
    let space = state.space.lock();
    let id = find(&space, &id)?;
    let w = space.watching(id).expect("found");
    Ok(json_ok(&json::watching(&space, w)))
}

/// `issueIdOrKey` (required), `note`.
pub(super) async fn add(state: AppState, form: Form) -> ApiResult {
    let target = form.required_text("issueIdOrKey")?;
    let note = form.raw("note").unwrap_or("");
    let mut space = state.space.lock();
    let issue = space
        .issue_by_id_or_key(target)
        .ok_or_else(|| ApiError::not_found("No issue."))?;
    let (issue_id, key) = (issue.id, space.issue_key(issue));
    let myself = space.myself_id;
    if space
        .watchings
        .iter()
        .any(|w| w.user_id == myself && w.issue_id == issue_id)
    {
        return Err(ApiError::invalid(format!(
            "Invalid issueIdOrKey: already watching {key}"
        )));
    }
    let id = space.insert_watching(myself, issue_id, note);
    let w = space.watching(id).expect("just added");
    Ok(json_ok(&json::watching(&space, w)))
}

/// `note` (absent: unchanged; empty: cleared). Moves `updated` when the note changes.
pub(super) async fn update(state: AppState, form: Form, Path(id): Path<String>) -> ApiResult {
    let mut space = state.space.lock();
    let index = own(&space, &id)?;
    if let Some(note) = form.raw("note")
        && space.watchings[index].note != note
    {
        let now = space.tick();
        let w = &mut space.watchings[index];
        w.note = note.to_owned();
        w.updated = now;
    }
    Ok(json_ok(&json::watching(&space, &space.watchings[index])))
}

pub(super) async fn delete(state: AppState, Path(id): Path<String>) -> ApiResult {
    let mut space = state.space.lock();
    let index = own(&space, &id)?;
    let removed = space.watchings.remove(index);
    Ok(json_ok(&json::watching(&space, &removed)))
}

/// 204, no body.
pub(super) async fn mark_as_read(state: AppState, Path(id): Path<String>) -> ApiResult {
    let mut space = state.space.lock();
    let index = own(&space, &id)?;
    let w = &mut space.watchings[index];
    w.resource_already_read = true;
    w.already_read = true;
    Ok(no_content())
}
