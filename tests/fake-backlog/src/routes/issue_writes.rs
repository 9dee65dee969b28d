//! `POST /issues` (201 + `Location: {base}/view/KEY`), `PATCH /issues/:k`,
//! `DELETE /issues/:k` (answers with the deleted issue). The rules are in
//! [`crate::issue_changes`].

use super::{AppState, Form, issue_id};
use crate::errors::{ApiResult, json_created, json_ok};
use crate::issue_changes;
use crate::json;
use axum::extract::Path;

pub(super) async fn create(state: AppState, form: Form) -> ApiResult {
    let mut space = state.space.lock();
    let id = issue_changes::create(&mut space, &form)?;
    let issue = space.issue(id).expect("just added");
    let location = format!("{}/view/{}", state.base_url, space.issue_key(issue));
    Ok(json_created(&json::issue(&space, issue), &location))
}

pub(super) async fn update(state: AppState, form: Form, Path(issue): Path<String>) -> ApiResult {
    let mut space = state.space.lock();
    let id = issue_id(&space, &issue)?;
    issue_changes::update(&mut space, id, &form)?;
    let issue = space.issue(id).expect("still there");
    Ok(json_ok(&json::issue(&space, issue)))
}

pub(super) async fn delete(state: AppState, Path(issue): Path<String>) -> ApiResult {
    let mut space = state.space.lock();
    let id = issue_id(&space, &issue)?;
    let removed = issue_changes::delete(&mut space, id).expect("found above");
    Ok(json_ok(&json::issue(&space, &removed)))
}
