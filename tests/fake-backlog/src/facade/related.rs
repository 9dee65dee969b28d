//! Related issues: `GET`/`POST /issues/:k/relatedIssues`, `DELETE
//! /issues/:k/relatedIssues/:id`.

use super::issues::issue_ref;
use super::{AppState, ServedModel, answer, answer_all, issue_wire, path_id, refusal};
use crate::errors::ApiResult;
use crate::params::Form;
use axum::Router;
use axum::extract::Path;
use axum::routing::{delete, get};
use backlog_mcp::domain::ids::IssueId;
use backlog_mcp::ports::IssueRepository;

pub(super) fn routes() -> Router<ServedModel> {
    Router::new()
        .route("/api/v2/issues/{issue}/relatedIssues", get(list).post(add))
        .route(
            "/api/v2/issues/{issue}/relatedIssues/{related}",
            delete(remove),
        )
}

pub async fn list(state: AppState, Path(issue): Path<String>) -> ApiResult {
    let found = state
        .related_issues(&issue_ref(&issue)?)
        .await
        .map_err(refusal)?;
    answer_all(&state, &found, issue_wire::issue)
}

/// `targetIssueId`.
pub async fn add(state: AppState, form: Form, Path(issue): Path<String>) -> ApiResult {
    let target = form.required_id("targetIssueId", IssueId::new)?;
    let linked = state
        .add_related_issue(&issue_ref(&issue)?, target)
        .await
        .map_err(refusal)?;
    answer(&state, &linked, issue_wire::issue)
}

pub async fn remove(state: AppState, Path((issue, related)): Path<(String, String)>) -> ApiResult {
    let related = path_id(&related, IssueId::new, "No related issue.")?;
    let removed = state
        .remove_related_issue(&issue_ref(&issue)?, related)
        .await
        .map_err(refusal)?;
    answer(&state, &removed, issue_wire::issue)
}
