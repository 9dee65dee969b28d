//! The façade: Backlog's REST API v2 served from the memory model
//! (`backlog_mcp::adapters::memory`) through its ports, so one model of
//! Backlog's behaviour serves demo mode and the HTTP tests. The server's own
//! parts (auth, rate limits, faults, the request log) sit in front of it.
//!
//! It serves the space, its users, its projects with their vocabulary, issues
//! with their comments, custom field values, watch lists, related issues,
//! attachments, activities and stars; the server adds `GET /rateLimit`.

mod activities;
mod comments;
mod custom_field_params;
pub(crate) mod inserted;
mod issue_form;
mod issue_query;
mod issue_wire;
mod issues;
mod project_writes;
mod related;
mod watchings;
mod wire;

use crate::errors::{ApiError, ApiResult, json_ok};
use crate::routes::Query;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::get;
use backlog_mcp::adapters::memory::MemoryBacklog;
use backlog_mcp::domain::backlog_error::BacklogError;
use backlog_mcp::domain::ids::ProjectId;
use backlog_mcp::domain::keys::ProjectKey;
use backlog_mcp::domain::project::ProjectListQuery;
use backlog_mcp::ports::{
    CategoryRepository, CustomFieldRepository, IssueTypeRepository, ProjectRef, ProjectRepository,
    SpaceRepository, StatusRepository, UserRepository, VersionRepository,
};
use serde_json::Value;
use std::sync::Arc;

/// The model every route answers from.
pub(crate) type AppState = State<Arc<MemoryBacklog>>;

/// `http://127.0.0.1:PORT`, for `Location` headers.
#[derive(Clone)]
pub(crate) struct BaseUrl(pub String);

pub(crate) fn router(model: Arc<MemoryBacklog>, base_url: String) -> Router {
    Router::new()
        .route("/api/v2/space", get(space))
        .route("/api/v2/space/activities", get(activities::of_space))
        .route(
            "/api/v2/projects/{project}/activities",
            get(activities::of_project),
        )
        .route("/api/v2/users/{user}/activities", get(activities::of_user))
        .route("/api/v2/priorities", get(priorities))
        .route("/api/v2/resolutions", get(resolutions))
        .route("/api/v2/users", get(users))
        .route("/api/v2/users/myself", get(myself))
        .route("/api/v2/users/{user}", get(one_user))
        .route(
            "/api/v2/projects",
            get(projects).post(project_writes::create),
        )
        .route(
            "/api/v2/projects/{project}",
            get(project).patch(project_writes::update),
        )
        .route("/api/v2/projects/{project}/users", get(project_users))
        .route("/api/v2/projects/{project}/statuses", get(statuses))
        .route("/api/v2/projects/{project}/issueTypes", get(issue_types))
        .route(
            "/api/v2/projects/{project}/categories",
            get(categories).post(project_writes::add_category),
        )
        .route(
            "/api/v2/projects/{project}/versions",
            get(versions).post(project_writes::add_version),
        )
        .route(
            "/api/v2/projects/{project}/versions/{version}",
            axum::routing::patch(project_writes::update_version)
                .delete(project_writes::delete_version),
        )
        .route(
            "/api/v2/projects/{project}/customFields",
            get(custom_fields),
        )
        .route("/api/v2/issues", get(issues::list).post(issues::create))
        .route("/api/v2/issues/count", get(issues::count))
        .route(
            "/api/v2/issues/{issue}",
            get(issues::one)
                .patch(issues::update)
                .delete(issues::delete),
        )
        .route(
            "/api/v2/issues/{issue}/comments",
            get(comments::list).post(comments::add),
        )
        .route(
            "/api/v2/issues/{issue}/comments/{comment}",
            get(comments::one).patch(comments::update),
        )
        .route(
            "/api/v2/issues/{issue}/relatedIssues",
            get(related::list).post(related::add),
        )
        .route(
            "/api/v2/issues/{issue}/relatedIssues/{related}",
            axum::routing::delete(related::remove),
        )
        .route("/api/v2/users/{user}/stars/count", get(related::star_count))
        .route(
            "/api/v2/issues/{issue}/comments/count",
            get(comments::count),
        )
        .route(
            "/api/v2/issues/{issue}/attachments",
            get(issues::attachments),
        )
        .route(
            "/api/v2/issues/{issue}/attachments/{attachment}",
            get(related::attachment),
        )
        .route("/api/v2/users/{user}/watchings", get(watchings::list))
        .route(
            "/api/v2/users/{user}/watchings/count",
            get(watchings::count),
        )
        .route("/api/v2/watchings", axum::routing::post(watchings::add))
        .route(
            "/api/v2/watchings/{watching}",
            get(watchings::one)
                .patch(watchings::update)
                .delete(watchings::delete),
        )
        .route(
            "/api/v2/watchings/{watching}/markAsRead",
            axum::routing::post(watchings::mark_as_read),
        )
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
    let by_id = id_or_key
        .parse::<i64>()
        .ok()
        .and_then(|id| ProjectId::new(id).ok())
        .map(ProjectRef::Id);
    by_id
        .or_else(|| ProjectKey::parse(id_or_key).ok().map(ProjectRef::Key))
        .ok_or_else(|| ApiError::not_found("No project."))
}

fn list<T>(items: &[T], write: fn(&T) -> Value) -> Value {
    Value::Array(items.iter().map(write).collect())
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

/// `archived`: omitted = all, `false` = active only, `true` = archived only; `all`.
async fn projects(state: AppState, query: Query) -> ApiResult {
    let wanted = ProjectListQuery {
        archived: query.bool("archived")?,
        all: query.bool("all")?.unwrap_or(false),
    };
    let all = state.projects(&wanted).await.map_err(refusal)?;
    Ok(json_ok(&list(&all, wire::project)))
}

async fn project(state: AppState, Path(p): Path<String>) -> ApiResult {
    let found = state.project(&project_ref(&p)?).await;
    Ok(json_ok(&wire::project(&found.map_err(refusal)?)))
}

async fn project_users(state: AppState, Path(p): Path<String>) -> ApiResult {
    let found = state.project_users(&project_ref(&p)?).await;
    Ok(json_ok(&list(&found.map_err(refusal)?, wire::user)))
}

async fn statuses(state: AppState, Path(p): Path<String>) -> ApiResult {
    let found = state.statuses(&project_ref(&p)?).await;
    Ok(json_ok(&list(&found.map_err(refusal)?, wire::status)))
}

async fn issue_types(state: AppState, Path(p): Path<String>) -> ApiResult {
    let found = state.issue_types(&project_ref(&p)?).await;
    Ok(json_ok(&list(&found.map_err(refusal)?, wire::issue_type)))
}

async fn categories(state: AppState, Path(p): Path<String>) -> ApiResult {
    let found = state.categories(&project_ref(&p)?).await;
    Ok(json_ok(&list(&found.map_err(refusal)?, wire::category)))
}

async fn versions(state: AppState, Path(p): Path<String>) -> ApiResult {
    let found = state.versions(&project_ref(&p)?).await;
    Ok(json_ok(&list(&found.map_err(refusal)?, wire::version)))
}

async fn custom_fields(state: AppState, Path(p): Path<String>) -> ApiResult {
    let found = state.custom_fields(&project_ref(&p)?).await;
    Ok(json_ok(&list(&found.map_err(refusal)?, wire::custom_field)))
}

async fn one_user(state: AppState, Path(user): Path<String>) -> ApiResult {
    let all = state.users().await.map_err(refusal)?;
    all.iter()
        .find(|u| u.id.get().to_string() == user)
        .map(|u| json_ok(&wire::user(u)))
        .ok_or_else(|| ApiError::not_found("No user."))
}
