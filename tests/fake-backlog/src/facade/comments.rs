//! An issue's comments: `GET`/`POST /issues/:k/comments`, `PATCH
//! /issues/:k/comments/:id`, and a comment as Backlog's JSON has it.

use super::issues::issue_ref;
use super::wire::{embedded_user, referenced_user, timestamp};
use super::{AppState, BaseUrl, ServedModel, answer, answer_all, path_id, refusal};
use crate::errors::{ApiResult, json_created};
use crate::params::{Form, Query};
use axum::Router;
use axum::extract::{Extension, Path};
use axum::routing::{get, patch};
use backlog_mcp::adapters::memory::Space;
use backlog_mcp::domain::changes::NewComment;
use backlog_mcp::domain::comment::{ChangeLogEntry, Comment};
use backlog_mcp::domain::ids::{AttachmentId, CommentId, UserId};
use backlog_mcp::domain::user::UserRef;
use backlog_mcp::ports::{CommentPage, CommentRepository};
use serde_json::{Value, json};

pub(super) fn routes() -> Router<ServedModel> {
    Router::new()
        .route("/api/v2/issues/{issue}/comments", get(list).post(add))
        .route("/api/v2/issues/{issue}/comments/{comment}", patch(update))
}

fn user_ref(space: &Space, r: &UserRef) -> Value {
    referenced_user(space, r, embedded_user)
}

fn change(e: &ChangeLogEntry) -> Value {
    json!({
        "field": e.field, "newValue": e.new_value, "originalValue": e.original_value,
        "attachmentInfo": e.attachment.as_ref().map(|a| json!({"id": a.id.get(), "name": a.name})),
        "attributeInfo": null,
        "notificationInfo": e.notification.as_ref().map(|t| json!({"type": t})),
    })
}

pub fn comment(space: &Space, c: &Comment) -> Value {
    let notifications: Vec<Value> = c
        .notified
        .iter()
        .enumerate()
        .map(|(n, u)| {
            json!({"id": n + 1, "alreadyRead": false, "reason": 2,
                   "user": user_ref(space, u), "resourceAlreadyRead": false})
        })
        .collect();
    // Comment ids are unique in the space: the list holding it names its issue.
    let issue_id = space
        .comments
        .iter()
        .find(|(_, list)| list.iter().any(|other| other.id == c.id))
        .map(|(id, _)| *id);
    let project_id = issue_id
        .and_then(|id| space.issues.iter().find(|i| i.id == id))
        .map(|i| i.project_id.get());
    json!({
        "id": c.id.get(), "projectId": project_id, "issueId": issue_id.map(|id| id.get()),
        "content": c.content,
        "changeLog": c.change_log.iter().map(change).collect::<Vec<_>>(),
        "createdUser": c.created_user.as_ref().map(|u| user_ref(space, u)),
        "created": timestamp(Some(c.created)), "updated": timestamp(c.updated),
        "stars": [], "notifications": notifications,
    })
}

/// `minId`, `maxId`, `count` (1–100, default 20), `order` (default desc).
pub async fn list(state: AppState, query: Query, Path(issue): Path<String>) -> ApiResult {
    let page = CommentPage {
        min_id: query.id("minId", CommentId::new)?,
        max_id: query.id("maxId", CommentId::new)?,
        count: query.page_size()?,
        order: query.sort_order()?,
    };
    let found = state
        .comments(&issue_ref(&issue)?, page)
        .await
        .map_err(refusal)?;
    answer_all(&state, &found, comment)
}

/// `content`, `notifiedUserId[]`, `attachmentId[]`; 201.
pub async fn add(
    state: AppState,
    base: Extension<BaseUrl>,
    form: Form,
    Path(issue): Path<String>,
) -> ApiResult {
    let new = NewComment {
        content: form.raw("content").unwrap_or_default().to_owned(),
        notified_user_ids: form.ids("notifiedUserId", UserId::new)?,
        attachment_ids: form.ids("attachmentId", AttachmentId::new)?,
    };
    let added = state
        .add_comment(&issue_ref(&issue)?, &new)
        .await
        .map_err(refusal)?;
    let location = format!("{}/view/{issue}#comment-{}", base.0.0, added.id.get());
    Ok(json_created(
        &state.inspect(|space| comment(space, &added)),
        &location,
    ))
}

/// `content`.
pub async fn update(
    state: AppState,
    form: Form,
    Path((issue, id)): Path<(String, String)>,
) -> ApiResult {
    let id = path_id(&id, CommentId::new, "No comment.")?;
    let content = form.raw("content").unwrap_or_default();
    let edited = state
        .update_comment(&issue_ref(&issue)?, id, content)
        .await
        .map_err(refusal)?;
    answer(&state, &edited, comment)
}
