//! Projects and their members: `GET`/`POST /projects`, `GET`/`PATCH
//! /projects/:p`, `GET /projects/:p/users`.

use super::{AppState, ServedModel, list, project_ref, refusal, wire};
use crate::errors::{ApiError, ApiResult, json_ok};
use crate::params::{Form, Query};
use crate::params::{Params, missing};
use axum::Router;
use axum::extract::Path;
use axum::routing::get;
use backlog_mcp::domain::changes::{NewProject, ProjectUpdate, TextFormattingRule};
use backlog_mcp::domain::keys::ProjectKey;
use backlog_mcp::domain::project::ProjectListQuery;
use backlog_mcp::ports::ProjectRepository;

pub(super) fn routes() -> Router<ServedModel> {
    Router::new()
        .route("/api/v2/projects", get(projects).post(create))
        .route("/api/v2/projects/{project}", get(project).patch(update))
        .route("/api/v2/projects/{project}/users", get(project_users))
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

fn key(form: &Params) -> Result<Option<ProjectKey>, ApiError> {
    form.get("key")
        .map(|k| ProjectKey::parse(k).map_err(|e| ApiError::invalid(format!("key: {e}"))))
        .transpose()
}

fn rule(form: &Params) -> Result<Option<TextFormattingRule>, ApiError> {
    match form.get("textFormattingRule") {
        None => Ok(None),
        Some("markdown") => Ok(Some(TextFormattingRule::Markdown)),
        Some("backlog") => Ok(Some(TextFormattingRule::Backlog)),
        Some(other) => Err(ApiError::invalid(format!(
            "textFormattingRule is unknown: {other}"
        ))),
    }
}

/// `name`, `key`, `chartEnabled`, `subtaskingEnabled`, `textFormattingRule` (required),
/// `projectLeaderCanEditProjectLeader`.
pub async fn create(state: AppState, form: Form) -> ApiResult {
    let new = NewProject {
        name: form.raw("name").ok_or_else(|| missing("name"))?.to_owned(),
        key: key(&form)?.ok_or_else(|| missing("key"))?,
        chart_enabled: form.required_bool("chartEnabled")?,
        subtasking_enabled: form.required_bool("subtaskingEnabled")?,
        project_leader_can_edit_project_leader: form.bool("projectLeaderCanEditProjectLeader")?,
        text_formatting_rule: rule(&form)?.ok_or_else(|| missing("textFormattingRule"))?,
    };
    let created = state.add_project(&new).await.map_err(refusal)?;
    Ok(json_ok(&wire::project(&created)))
}

pub async fn update(state: AppState, form: Form, Path(p): Path<String>) -> ApiResult {
    let update = ProjectUpdate {
        name: form.raw("name").map(str::to_owned),
        key: key(&form)?,
        chart_enabled: form.bool("chartEnabled")?,
        subtasking_enabled: form.bool("subtaskingEnabled")?,
        project_leader_can_edit_project_leader: form.bool("projectLeaderCanEditProjectLeader")?,
        text_formatting_rule: rule(&form)?,
        archived: form.bool("archived")?,
    };
    let updated = state
        .update_project(&project_ref(&p)?, &update)
        .await
        .map_err(refusal)?;
    Ok(json_ok(&wire::project(&updated)))
}
