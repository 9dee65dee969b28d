//! A project's vocabulary: `GET /projects/:p/statuses`, `/issueTypes`,
//! `/customFields`, and `GET`/`POST /projects/:p/categories`.

use super::{AppState, ServedModel, list, project_ref, refusal, wire};
use crate::errors::{ApiResult, json_ok};
use crate::params::Form;
use axum::Router;
use axum::extract::Path;
use axum::routing::get;
use backlog_mcp::ports::{
    CategoryRepository, CustomFieldRepository, IssueTypeRepository, StatusRepository,
};

pub(super) fn routes() -> Router<ServedModel> {
    Router::new()
        .route("/api/v2/projects/{project}/statuses", get(statuses))
        .route("/api/v2/projects/{project}/issueTypes", get(issue_types))
        .route(
            "/api/v2/projects/{project}/categories",
            get(categories).post(add_category),
        )
        .route(
            "/api/v2/projects/{project}/customFields",
            get(custom_fields),
        )
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

async fn custom_fields(state: AppState, Path(p): Path<String>) -> ApiResult {
    let found = state.custom_fields(&project_ref(&p)?).await;
    Ok(json_ok(&list(&found.map_err(refusal)?, wire::custom_field)))
}

/// `name`.
pub async fn add_category(state: AppState, form: Form, Path(p): Path<String>) -> ApiResult {
    let name = form.raw("name").unwrap_or_default();
    let added = state
        .add_category(&project_ref(&p)?, name)
        .await
        .map_err(refusal)?;
    Ok(json_ok(&wire::category(&added)))
}
