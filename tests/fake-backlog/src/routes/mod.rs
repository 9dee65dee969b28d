//! The `/api/v2` routes. Handlers get the shared state and the decoded query (put into
//! the request extensions by [`crate::pipeline`]); auth and rate limits are already done.

mod activities;
pub(crate) mod attachments;
mod comment_writes;
mod comments;
mod issue_writes;
mod issues;
mod project_writes;
mod projects;
mod related_issues;
mod space;
mod stars;
mod users;
mod versions;
mod watchings;

use crate::errors::ApiError;
use crate::forms::FormParams;
use crate::query::QueryParams;
use crate::server::Shared;
use axum::Router;
use axum::extract::{Extension, State};
use axum::http::Uri;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch, post};
use std::sync::Arc;

pub(crate) type AppState = State<Arc<Shared>>;
pub(crate) type Query = Extension<Arc<QueryParams>>;
/// Write parameters (form body plus query); see [`crate::forms`].
pub(crate) type Form = Extension<Arc<FormParams>>;

/// What only a server has, whichever model it serves: `GET /rateLimit`.
pub(crate) fn server_routes(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/api/v2/rateLimit", get(space::rate_limit))
        .with_state(shared)
}

pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/api/v2/space", get(space::space))
        .route("/api/v2/space/activities", get(activities::space))
        .route("/api/v2/rateLimit", get(space::rate_limit))
        .route("/api/v2/priorities", get(space::priorities))
        .route("/api/v2/resolutions", get(space::resolutions))
        .route("/api/v2/users", get(users::list))
        .route("/api/v2/users/myself", get(users::myself))
        .route("/api/v2/users/{user_id}", get(users::one))
        .route("/api/v2/users/{user_id}/activities", get(activities::user))
        .route("/api/v2/users/{user_id}/stars/count", get(stars::count))
        .route("/api/v2/users/{user_id}/watchings", get(watchings::list))
        .route(
            "/api/v2/users/{user_id}/watchings/count",
            get(watchings::count),
        )
        .route("/api/v2/watchings", post(watchings::add))
        .route(
            "/api/v2/watchings/{watching_id}",
            get(watchings::one)
                .patch(watchings::update)
                .delete(watchings::delete),
        )
        .route(
            "/api/v2/watchings/{watching_id}/markAsRead",
            post(watchings::mark_as_read),
        )
        .route(
            "/api/v2/projects",
            get(projects::list).post(project_writes::create),
        )
        .route(
            "/api/v2/projects/{project}",
            get(projects::one).patch(project_writes::update),
        )
        .route(
            "/api/v2/projects/{project}/activities",
            get(activities::project),
        )
        .route(
            "/api/v2/projects/{project}/statuses",
            get(projects::statuses),
        )
        .route(
            "/api/v2/projects/{project}/issueTypes",
            get(projects::issue_types),
        )
        .route(
            "/api/v2/projects/{project}/categories",
            get(projects::categories).post(project_writes::add_category),
        )
        .route(
            "/api/v2/projects/{project}/versions",
            get(projects::versions).post(versions::add),
        )
        .route(
            "/api/v2/projects/{project}/versions/{version_id}",
            patch(versions::update).delete(versions::delete),
        )
        .route(
            "/api/v2/projects/{project}/customFields",
            get(projects::custom_fields),
        )
        .route("/api/v2/projects/{project}/users", get(projects::users))
        .route(
            "/api/v2/issues",
            get(issues::list).post(issue_writes::create),
        )
        .route("/api/v2/issues/count", get(issues::count))
        .route(
            "/api/v2/issues/{issue}",
            get(issues::one)
                .patch(issue_writes::update)
                .delete(issue_writes::delete),
        )
        .route(
            "/api/v2/issues/{issue}/comments",
            get(comments::list).post(comment_writes::add),
        )
        .route(
            "/api/v2/issues/{issue}/comments/count",
            get(comments::count),
        )
        .route(
            "/api/v2/issues/{issue}/comments/{comment_id}",
            get(comments::one).patch(comment_writes::update),
        )
        .route(
            "/api/v2/issues/{issue}/relatedIssues",
            get(related_issues::list).post(related_issues::add),
        )
        .route(
            "/api/v2/issues/{issue}/relatedIssues/{related}",
            axum::routing::delete(related_issues::remove),
        )
        .route("/api/v2/issues/{issue}/attachments", get(attachments::list))
        .route(
            "/api/v2/issues/{issue}/attachments/{attachment_id}",
            get(attachments::download),
        )
        .fallback(unknown_route)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(shared)
}

async fn unknown_route(uri: Uri) -> Response {
    ApiError::not_found(format!("Undefined resource. {}", uri.path())).into_response()
}

async fn method_not_allowed(uri: Uri) -> Response {
    ApiError::new(405, 7, format!("Method not allowed. {}", uri.path())).into_response()
}

/// A numeric path id; anything else is the resource's 404.
pub(crate) fn path_id(raw: &str, not_found: &str) -> Result<i64, ApiError> {
    raw.parse::<i64>()
        .map_err(|_| ApiError::not_found(not_found))
}

/// The numeric id of an existing user named in the path.
pub(crate) fn user_id(space: &crate::space::Space, raw: &str) -> Result<i64, ApiError> {
    raw.parse::<i64>()
        .ok()
        .filter(|&id| space.user(id).is_some())
        .ok_or_else(|| ApiError::not_found("No user."))
}

/// The id of an existing issue named in the path (id or key).
pub(crate) fn issue_id(space: &crate::space::Space, raw: &str) -> Result<i64, ApiError> {
    space
        .issue_by_id_or_key(raw)
        .map(|i| i.id)
        .ok_or_else(|| ApiError::not_found("No issue."))
}
