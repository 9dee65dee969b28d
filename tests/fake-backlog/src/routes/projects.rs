//! `GET /projects` and a project's settings lists.

use super::{AppState, Query};
use crate::errors::{ApiError, ApiResult, json_ok};
use crate::json;
use crate::space::{Project, Space};
use axum::extract::Path;
use axum::response::Response;

/// `archived`: omitted = all, `false` = active only, `true` = archived only.
pub(super) async fn list(state: AppState, query: Query) -> ApiResult {
    let archived = query.bool("archived")?;
    let space = state.space.lock();
    let projects: Vec<_> = space
        .projects
        .iter()
        .filter(|p| archived.is_none_or(|a| p.archived == a))
        .map(json::project)
        .collect();
    Ok(json_ok(&projects))
}

fn find<'a>(space: &'a Space, id_or_key: &str) -> Result<&'a Project, ApiError> {
    space
        .project_by_id_or_key(id_or_key)
        .ok_or_else(|| ApiError::not_found("No project."))
}

/// Answers with something of the project named in the path.
fn with_project(
    state: &AppState,
    id_or_key: &str,
    render: impl FnOnce(&Space, &Project) -> Response,
) -> ApiResult {
    let space = state.space.lock();
    let project = find(&space, id_or_key)?;
    Ok(render(&space, project))
}

pub(super) async fn one(state: AppState, Path(p): Path<String>) -> ApiResult {
    with_project(&state, &p, |_, project| json_ok(&json::project(project)))
}

/// Ordered by display order.
pub(super) async fn statuses(state: AppState, Path(p): Path<String>) -> ApiResult {
    with_project(&state, &p, |_, project| {
        let mut statuses: Vec<_> = project.statuses.iter().collect();
        statuses.sort_by_key(|s| (s.display_order, s.id));
        json_ok(&statuses.into_iter().map(json::status).collect::<Vec<_>>())
    })
}

pub(super) async fn issue_types(state: AppState, Path(p): Path<String>) -> ApiResult {
    with_project(&state, &p, |_, project| {
        json_ok(
            &project
                .issue_types
                .iter()
                .map(json::issue_type)
                .collect::<Vec<_>>(),
        )
    })
}

pub(super) async fn categories(state: AppState, Path(p): Path<String>) -> ApiResult {
    with_project(&state, &p, |_, project| {
        json_ok(
            &project
                .categories
                .iter()
                .map(json::category)
                .collect::<Vec<_>>(),
        )
    })
}

pub(super) async fn versions(state: AppState, Path(p): Path<String>) -> ApiResult {
    with_project(&state, &p, |_, project| {
        json_ok(
            &project
                .versions
                .iter()
                .map(json::version)
                .collect::<Vec<_>>(),
        )
    })
}

pub(super) async fn custom_fields(state: AppState, Path(p): Path<String>) -> ApiResult {
    with_project(&state, &p, |_, project| {
        json_ok(
            &project
                .custom_fields
                .iter()
                .map(json::custom_field)
                .collect::<Vec<_>>(),
        )
    })
}

pub(super) async fn users(state: AppState, Path(p): Path<String>) -> ApiResult {
    with_project(&state, &p, |space, project| {
        let users: Vec<_> = project
            .user_ids
            .iter()
            .filter_map(|&id| space.user(id))
            .map(json::user)
            .collect();
        json_ok(&users)
    })
}
