//! `POST /projects`, `PATCH /projects/:p`, `POST /projects/:p/categories`, and
//! versions: `POST /projects/:p/versions`, `PATCH`/`DELETE .../versions/:id`.

use super::{AppState, project_ref, refusal, wire};
use crate::errors::{ApiError, ApiResult, json_ok};
use crate::forms::{FormParams, missing};
use crate::routes::Form;
use axum::extract::Path;
use backlog_mcp::domain::calendar_date::CalendarDate;
use backlog_mcp::domain::changes::{
    Change, NewProject, NewVersion, ProjectUpdate, TextFormattingRule, VersionUpdate,
};
use backlog_mcp::domain::ids::VersionId;
use backlog_mcp::domain::keys::ProjectKey;
use backlog_mcp::ports::{CategoryRepository, ProjectRepository, VersionRepository};

fn key(form: &FormParams) -> Result<Option<ProjectKey>, ApiError> {
    form.text("key")
        .map(|k| ProjectKey::parse(k).map_err(|e| ApiError::invalid(format!("key: {e}"))))
        .transpose()
}

fn rule(form: &FormParams) -> Result<Option<TextFormattingRule>, ApiError> {
    match form.text("textFormattingRule") {
        None => Ok(None),
        Some("markdown") => Ok(Some(TextFormattingRule::Markdown)),
        Some("backlog") => Ok(Some(TextFormattingRule::Backlog)),
        Some(other) => Err(ApiError::invalid(format!(
            "textFormattingRule is unknown: {other}"
        ))),
    }
}

fn day(form: &FormParams, name: &str) -> Result<Option<CalendarDate>, ApiError> {
    Ok(form.date(name)?.map(CalendarDate::from_naive))
}

fn version_id(raw: &str) -> Result<VersionId, ApiError> {
    raw.parse::<i64>()
        .ok()
        .and_then(|v| VersionId::new(v).ok())
        .ok_or_else(|| ApiError::not_found("No version."))
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

/// `name`.
pub async fn add_category(state: AppState, form: Form, Path(p): Path<String>) -> ApiResult {
    let name = form.raw("name").unwrap_or_default();
    let added = state
        .add_category(&project_ref(&p)?, name)
        .await
        .map_err(refusal)?;
    Ok(json_ok(&wire::category(&added)))
}

/// `name`, `description`, `startDate`, `releaseDueDate`.
pub async fn add_version(state: AppState, form: Form, Path(p): Path<String>) -> ApiResult {
    let new = NewVersion {
        name: form.raw("name").unwrap_or_default().to_owned(),
        description: form.raw("description").map(str::to_owned),
        start_date: day(&form, "startDate")?,
        release_due_date: day(&form, "releaseDueDate")?,
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
    let date_change = |name: &str| -> Result<Change<CalendarDate>, ApiError> {
        Ok(match (form.raw(name), day(&form, name)?) {
            (None, _) => Change::Keep,
            (Some(_), Some(d)) => Change::Set(d),
            (Some(_), None) => Change::Clear,
        })
    };
    let update = VersionUpdate {
        name: form.raw("name").ok_or_else(|| missing("name"))?.to_owned(),
        description: form.raw("description").map(str::to_owned),
        start_date: date_change("startDate")?,
        release_due_date: date_change("releaseDueDate")?,
        archived: form.bool("archived")?,
    };
    let updated = state
        .update_version(&project_ref(&p)?, version_id(&id)?, &update)
        .await
        .map_err(refusal)?;
    Ok(json_ok(&wire::version(&updated)))
}

pub async fn delete_version(state: AppState, Path((p, id)): Path<(String, String)>) -> ApiResult {
    let deleted = state
        .delete_version(&project_ref(&p)?, version_id(&id)?)
        .await
        .map_err(refusal)?;
    Ok(json_ok(&wire::version(&deleted)))
}
