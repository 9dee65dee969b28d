//! The `/api/v2` routes. Handlers get the shared state and the decoded query (put into
//! the request extensions by [`crate::pipeline`]); auth and rate limits are already done.

mod comments;
mod issues;
mod projects;
mod space;
mod users;

use crate::errors::ApiError;
use crate::query::QueryParams;
use crate::server::Shared;
use axum::Router;
use axum::extract::{Extension, State};
use axum::http::Uri;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::sync::Arc;

pub(crate) type AppState = State<Arc<Shared>>;
pub(crate) type Query = Extension<Arc<QueryParams>>;

pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/api/v2/space", get(space::space))
        .route("/api/v2/rateLimit", get(space::rate_limit))
        .route("/api/v2/priorities", get(space::priorities))
        .route("/api/v2/resolutions", get(space::resolutions))
        .route("/api/v2/users", get(users::list))
        .route("/api/v2/users/myself", get(users::myself))
        .route("/api/v2/users/{user_id}", get(users::one))
        .route("/api/v2/projects", get(projects::list))
        .route("/api/v2/projects/{project}", get(projects::one))
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
            get(projects::categories),
        )
        .route(
            "/api/v2/projects/{project}/versions",
            get(projects::versions),
        )
        .route(
            "/api/v2/projects/{project}/customFields",
            get(projects::custom_fields),
        )
        .route("/api/v2/projects/{project}/users", get(projects::users))
        .route("/api/v2/issues", get(issues::list))
        .route("/api/v2/issues/count", get(issues::count))
        .route("/api/v2/issues/{issue}", get(issues::one))
        .route("/api/v2/issues/{issue}/comments", get(comments::list))
        .route(
            "/api/v2/issues/{issue}/comments/count",
            get(comments::count),
        )
        .route(
            "/api/v2/issues/{issue}/comments/{comment_id}",
            get(comments::one),
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
