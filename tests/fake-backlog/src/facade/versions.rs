//! Versions and milestones: `GET`/`POST /projects/:p/versions`, `PATCH`/`DELETE
//! /projects/:p/versions/:id`.

use super::{AppState, ServedModel, list, path_id, project_ref, refusal, wire};
use crate::errors::{ApiResult, json_ok};
use crate::params::Form;
use crate::params::missing;
use axum::Router;
use axum::extract::Path;
use axum::routing::{get, patch};
use backlog_mcp::domain::changes::{NewVersion, VersionUpdate};
use backlog_mcp::domain::ids::VersionId;
use backlog_mcp::ports::VersionRepository;

pub(super) fn routes() -> Router<ServedModel> {
    Router::new()
        .route(
            "/api/v2/projects/{project}/versions",
            get(versions).post(add_version),
        )
        .route(
            "/api/v2/projects/{project}/versions/{version}",
            patch(update_version).delete(delete_version),
        )
}

async fn versions(state: AppState, Path(p): Path<String>) -> ApiResult {
    let found = state.versions(&project_ref(&p)?).await;
    Ok(json_ok(&list(&found.map_err(refusal)?, wire::version)))
}

/// `name`, `description`, `startDate`, `releaseDueDate`.
pub async fn add_version(state: AppState, form: Form, Path(p): Path<String>) -> ApiResult {
    let new = NewVersion {
        name: form.raw("name").unwrap_or_default().to_owned(),
        description: form.raw("description").map(str::to_owned),
        start_date: form.day("startDate")?,
        release_due_date: form.day("releaseDueDate")?,
    };
    let added = state
        .add_version(&project_ref(&p)?, &new)
        .await
        .map_err(refusal)?;
    Ok(json_ok(&wire::version(&added)))
}

/// `name` (required), `description`, `startDate` / `releaseDueDate` (empty clears),
/// `archived`.
pub async fn update_version(
    state: AppState,
    form: Form,
    Path((p, id)): Path<(String, String)>,
) -> ApiResult {
    let update = VersionUpdate {
        name: form.raw("name").ok_or_else(|| missing("name"))?.to_owned(),
        description: form.raw("description").map(str::to_owned),
        start_date: form.day_change("startDate")?,
        release_due_date: form.day_change("releaseDueDate")?,
        archived: form.bool("archived")?,
    };
    let updated = state
        .update_version(
            &project_ref(&p)?,
            path_id(&id, VersionId::new, "No version.")?,
            &update,
        )
        .await
        .map_err(refusal)?;
    Ok(json_ok(&wire::version(&updated)))
}

pub async fn delete_version(state: AppState, Path((p, id)): Path<(String, String)>) -> ApiResult {
    let deleted = state
        .delete_version(
            &project_ref(&p)?,
            path_id(&id, VersionId::new, "No version.")?,
        )
        .await
        .map_err(refusal)?;
    Ok(json_ok(&wire::version(&deleted)))
}
