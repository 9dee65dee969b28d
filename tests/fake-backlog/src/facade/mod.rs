//! The façade: Backlog's REST API v2 served from the memory model
//! (`backlog_mcp::adapters::memory`) through its ports, so one model of
//! Backlog's behaviour serves demo mode and the HTTP tests. The server's own
//! parts (auth, rate limits, faults, the request log) sit in front of it.
//!
//! It serves the calls the HTTP adapter makes: the space, its users, its projects
//! with their vocabulary, issues with their comments, custom field values, watch
//! lists, related issues, attachment downloads, activities and stars.

mod activities;
mod attachments;
mod comments;
mod custom_field_params;
pub(crate) mod inserted;
mod issue_form;
mod issue_query;
mod issue_wire;
mod issues;
mod projects;
mod related;
mod space;
mod versions;
mod vocabulary;
mod watchings;
mod wire;

use crate::errors::{ApiError, ApiResult, json_ok};
use axum::Router;
use axum::extract::State;
use backlog_mcp::adapters::memory::{MemoryBacklog, Space};
use backlog_mcp::domain::backlog_error::BacklogError;
use backlog_mcp::domain::ids::ProjectId;
use backlog_mcp::domain::keys::ProjectKey;
use backlog_mcp::ports::ProjectRef;
use serde_json::Value;
use std::sync::Arc;

/// The model every route answers from.
pub(crate) type ServedModel = Arc<MemoryBacklog>;

/// The model, as a handler receives it.
pub(crate) type AppState = State<ServedModel>;

/// `http://127.0.0.1:PORT`, for `Location` headers.
#[derive(Clone)]
pub(crate) struct BaseUrl(pub String);

pub(crate) fn router(model: ServedModel, base_url: String) -> Router {
    Router::new()
        .merge(space::routes())
        .merge(activities::routes())
        .merge(projects::routes())
        .merge(vocabulary::routes())
        .merge(versions::routes())
        .merge(issues::routes())
        .merge(comments::routes())
        .merge(related::routes())
        .merge(attachments::routes())
        .merge(watchings::routes())
        .layer(axum::Extension(BaseUrl(base_url)))
        .with_state(model)
}

/// Backlog's error answer for what the model refused.
pub(crate) fn refusal(error: BacklogError) -> ApiError {
    match error {
        BacklogError::NotFound { message, .. } => ApiError::not_found(message),
        BacklogError::Rejected {
            status,
            code,
            message,
        } => ApiError::new(status, code.map_or(7, |c| c.code()), message),
        other => ApiError::new(500, 1, other.to_string()),
    }
}

/// A `projectIdOrKey` path segment; one that is neither is no project.
pub(crate) fn project_ref(id_or_key: &str) -> Result<ProjectRef, ApiError> {
    id_or_key_ref(
        id_or_key,
        |id| ProjectId::new(id).ok().map(ProjectRef::Id),
        |key| ProjectKey::parse(key).ok().map(ProjectRef::Key),
        "No project.",
    )
}

/// A path's `…IdOrKey`: a positive number is an id, anything else a key; neither
/// is Backlog's 404 with `missing` ("No project.").
pub(crate) fn id_or_key_ref<R>(
    id_or_key: &str,
    by_id: impl FnOnce(i64) -> Option<R>,
    by_key: impl FnOnce(&str) -> Option<R>,
    missing: &str,
) -> Result<R, ApiError> {
    id_or_key
        .parse::<i64>()
        .ok()
        .and_then(by_id)
        .or_else(|| by_key(id_or_key))
        .ok_or_else(|| ApiError::not_found(missing))
}

pub(crate) fn list<T>(items: &[T], write: fn(&T) -> Value) -> Value {
    Value::Array(items.iter().map(write).collect())
}

/// A 200 answer with `item` written against the served space (whose users,
/// statuses… the JSON embeds).
pub(crate) fn answer<T>(
    model: &MemoryBacklog,
    item: &T,
    write: fn(&Space, &T) -> Value,
) -> ApiResult {
    Ok(json_ok(&model.inspect(|space| write(space, item))))
}

/// A 200 answer with every item written against the served space.
pub(crate) fn answer_all<T>(
    model: &MemoryBacklog,
    items: &[T],
    write: fn(&Space, &T) -> Value,
) -> ApiResult {
    let all: Vec<Value> = model.inspect(|space| items.iter().map(|i| write(space, i)).collect());
    Ok(json_ok(&all))
}

/// A numeric id path segment; one that is not a valid id is no such resource
/// (`missing`: `"No user."`…), as Backlog answers.
pub(crate) fn path_id<T, E>(
    raw: &str,
    new: fn(i64) -> Result<T, E>,
    missing: &str,
) -> Result<T, ApiError> {
    raw.parse::<i64>()
        .ok()
        .and_then(|v| new(v).ok())
        .ok_or_else(|| ApiError::not_found(missing))
}
