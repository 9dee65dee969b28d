//! `POST /issues/:k/comments` (201 + `Location: {base}/view/KEY#comment-ID`) and
//! `PATCH /issues/:k/comments/:id` (`content`; only the author, "myself", may edit:
//! else 403 / code 5).

use super::{AppState, Form, issue_id, path_id};
use crate::errors::{ApiError, ApiResult, json_created, json_ok};
use crate::issue_changes;
use crate::json;
use axum::extract::Path;

pub(super) async fn add(state: AppState, form: Form, Path(issue): Path<String>) -> ApiResult {
    let mut space = state.space.lock();
    let id = issue_id(&space, &issue)?;
    let comment_id = issue_changes::add_comment(&mut space, id, &form)?;
    let issue = space.issue(id).expect("still there");
    let comment = issue
        .comments
        .iter()
        .find(|c| c.id == comment_id)
        .expect("just added");
    let location = format!(
        "{}/view/{}#comment-{comment_id}",
        state.base_url,
        space.issue_key(issue)
    );
    Ok(json_created(
        &json::comment(&space, issue, comment),
        &location,
    ))
}

pub(super) async fn update(
    state: AppState,
    form: Form,
    Path((issue, comment_id)): Path<(String, String)>,
) -> ApiResult {
    let mut space = state.space.lock();
    let id = issue_id(&space, &issue)?;
    let comment_id = path_id(&comment_id, "No comment.")?;
    let myself = space.myself_id;
    let author = space
        .issue(id)
        .and_then(|i| i.comments.iter().find(|c| c.id == comment_id))
        .map(|c| c.created_user_id)
        .ok_or_else(|| ApiError::not_found("No comment."))?;
    if author != myself {
        return Err(ApiError::forbidden(
            "Only the author of a comment can edit it.",
        ));
    }
    let content = form.required_text("content")?.to_owned();
    let now = space.tick();
    let issue = space.issue_mut(id).expect("found above");
    let comment = issue
        .comments
        .iter_mut()
        .find(|c| c.id == comment_id)
        .expect("found above");
    comment.content = content;
    comment.updated = now;
    let issue = space.issue(id).expect("found above");
    let comment = issue
        .comments
        .iter()
        .find(|c| c.id == comment_id)
        .expect("found above");
    Ok(json_ok(&json::comment(&space, issue, comment)))
}
