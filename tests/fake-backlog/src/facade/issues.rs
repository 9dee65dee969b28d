//! `GET /issues`, `/issues/count`, `/issues/:issueIdOrKey`, and the writes:
//! `POST /issues`, `PATCH` and `DELETE /issues/:issueIdOrKey`.

use super::{
    AppState, BaseUrl, ServedModel, answer, answer_all, issue_form, issue_query, issue_wire,
    refusal,
};
use crate::errors::{ApiError, ApiResult, json_created, json_ok};
use crate::params::{Form, Query};
use axum::Router;
use axum::extract::{Extension, Path};
use axum::routing::get;
use backlog_mcp::domain::ids::IssueId;
use backlog_mcp::domain::keys::IssueKey;
use backlog_mcp::ports::{IssueRef, IssueRepository};
use serde_json::json;

pub(super) fn routes() -> Router<ServedModel> {
    Router::new()
        .route("/api/v2/issues", get(list).post(create))
        .route("/api/v2/issues/count", get(count))
        .route(
            "/api/v2/issues/{issue}",
            get(one).patch(update).delete(delete),
        )
}

/// An `issueIdOrKey` path segment; one that is neither is no issue.
pub fn issue_ref(id_or_key: &str) -> Result<IssueRef, ApiError> {
    super::id_or_key_ref(
        id_or_key,
        |id| IssueId::new(id).ok().map(IssueRef::Id),
        |key| IssueKey::parse(key).ok().map(IssueRef::Key),
        "No issue.",
    )
}

pub async fn list(state: AppState, query: Query) -> ApiResult {
    let page = state.inspect(|space| issue_query::page(&query, space))?;
    let issues = state.issues(&page).await.map_err(refusal)?;
    answer_all(&state, &issues, issue_wire::issue)
}

pub async fn count(state: AppState, query: Query) -> ApiResult {
    let filter = state.inspect(|space| issue_query::filter(&query, space))?;
    let count = state.count_issues(&filter).await.map_err(refusal)?;
    Ok(json_ok(&json!({ "count": count })))
}

pub async fn one(state: AppState, Path(issue): Path<String>) -> ApiResult {
    let found = state.issue(&issue_ref(&issue)?).await.map_err(refusal)?;
    answer(&state, &found, issue_wire::issue)
}

/// 201 with `Location: {base}/view/KEY`.
pub async fn create(state: AppState, base: Extension<BaseUrl>, form: Form) -> ApiResult {
    let new = state.inspect(|space| issue_form::new_issue(&form, space))?;
    let issue = state.add_issue(&new).await.map_err(refusal)?;
    let location = format!("{}/view/{}", base.0.0, issue.key);
    Ok(json_created(
        &state.inspect(|space| issue_wire::issue(space, &issue)),
        &location,
    ))
}

pub async fn update(state: AppState, form: Form, Path(issue): Path<String>) -> ApiResult {
    let update = state.inspect(|space| issue_form::update(&form, space))?;
    let updated = state
        .update_issue(&issue_ref(&issue)?, &update)
        .await
        .map_err(refusal)?;
    answer(&state, &updated, issue_wire::issue)
}

/// Answers with the issue as it was.
pub async fn delete(state: AppState, Path(issue): Path<String>) -> ApiResult {
    let removed = state
        .delete_issue(&issue_ref(&issue)?)
        .await
        .map_err(refusal)?;
    answer(&state, &removed, issue_wire::issue)
}
