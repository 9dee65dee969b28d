//! `POST /projects/:p/versions`, `PATCH` and `DELETE /projects/:p/versions/:id`.
//!
//! `name` is required on add and on update, and unique in the project; the start date
//! may not come after the release due date; on update an empty `startDate=` or
//! `releaseDueDate=` clears it. Deleting a version removes it from every issue's
//! versions and milestones. Each write appends a milestone activity (22, 23, 24).

use super::{AppState, Form, path_id};
use crate::errors::{ApiError, ApiResult, json_ok};
use crate::forms::FormParams;
use crate::json;
use crate::space::activity::{MILESTONE_CREATED, MILESTONE_DELETED, MILESTONE_UPDATED};
use crate::space::{ActivityContent, Project, Space, Version};
use axum::extract::Path;

fn project_id(space: &Space, p: &str) -> Result<i64, ApiError> {
    space
        .project_by_id_or_key(p)
        .map(|p| p.id)
        .ok_or_else(|| ApiError::not_found("No project."))
}

fn check_name(project: &Project, name: &str, except: Option<i64>) -> Result<(), ApiError> {
    if project
        .versions
        .iter()
        .any(|v| Some(v.id) != except && v.name == name)
    {
        return Err(ApiError::invalid(format!(
            "Invalid name: version {name} already exists in project {}",
            project.project_key
        )));
    }
    Ok(())
}

fn check_dates(v: &Version) -> Result<(), ApiError> {
    match (v.start_date, v.release_due_date) {
        (Some(s), Some(d)) if s > d => Err(ApiError::invalid(format!(
            "Invalid startDate: the start date {s} is after the release due date {d}"
        ))),
        _ => Ok(()),
    }
}

fn record(space: &mut Space, type_id: i64, v: &Version) {
    let now = space.tick();
    let content = ActivityContent::Milestone {
        id: v.id,
        name: v.name.clone(),
        start_date: v.start_date,
        reference_date: v.release_due_date,
        description: v.description.clone().unwrap_or_default(),
    };
    space.record_activity(v.project_id, type_id, content, space.myself_id, now);
}

fn apply(v: &mut Version, form: &FormParams) -> Result<(), ApiError> {
    if let Some(description) = form.raw("description") {
        v.description = Some(description.to_owned());
    }
    v.start_date = form.date_change("startDate")?.resolve(v.start_date);
    v.release_due_date = form
        .date_change("releaseDueDate")?
        .resolve(v.release_due_date);
    if let Some(archived) = form.bool("archived")? {
        v.archived = archived;
    }
    check_dates(v)
}

/// `name` (required), `description`, `startDate`, `releaseDueDate`.
pub(super) async fn add(state: AppState, form: Form, Path(p): Path<String>) -> ApiResult {
    let name = form.required_text("name")?.to_owned();
    let mut space = state.space.lock();
    let project_id = project_id(&space, &p)?;
    let project = space.project(project_id).expect("found");
    check_name(project, &name, None)?;
    let display_order = project
        .versions
        .iter()
        .map(|v| v.display_order + 1)
        .max()
        .unwrap_or(0);
    let taken = space
        .projects
        .iter()
        .flat_map(|p| p.versions.iter().map(|v| v.id))
        .max();
    let id = Space::fresh_id(&mut space.next_ids.version, taken);
    let mut version = Version {
        id,
        project_id,
        name,
        description: None,
        start_date: None,
        release_due_date: None,
        archived: false,
        display_order,
    };
    // A new version is never archived.
    if form.raw("description").is_some() {
        version.description = form.raw("description").map(str::to_owned);
    }
    version.start_date = form.date("startDate")?;
    version.release_due_date = form.date("releaseDueDate")?;
    check_dates(&version)?;
    record(&mut space, MILESTONE_CREATED, &version);
    let rendered = serde_json::to_value(json::version(&version)).unwrap_or_default();
    space
        .project_mut(project_id)
        .expect("found")
        .versions
        .push(version);
    Ok(json_ok(&rendered))
}

/// `name` (required), `description`, `startDate`, `releaseDueDate` (empty clears),
/// `archived`.
pub(super) async fn update(
    state: AppState,
    form: Form,
    Path((p, version_id)): Path<(String, String)>,
) -> ApiResult {
    let mut space = state.space.lock();
    let project_id = project_id(&space, &p)?;
    let version_id = path_id(&version_id, "No version.")?;
    let project = space.project(project_id).expect("found");
    let mut version = project
        .version(version_id)
        .cloned()
        .ok_or_else(|| ApiError::not_found("No version."))?;
    let name = form.required_text("name")?.to_owned();
    check_name(project, &name, Some(version_id))?;
    version.name = name;
    apply(&mut version, &form)?;
    record(&mut space, MILESTONE_UPDATED, &version);
    let rendered = serde_json::to_value(json::version(&version)).unwrap_or_default();
    let project = space.project_mut(project_id).expect("found");
    if let Some(slot) = project.versions.iter_mut().find(|v| v.id == version_id) {
        *slot = version;
    }
    Ok(json_ok(&rendered))
}

pub(super) async fn delete(
    state: AppState,
    Path((p, version_id)): Path<(String, String)>,
) -> ApiResult {
    let mut space = state.space.lock();
    let project_id = project_id(&space, &p)?;
    let version_id = path_id(&version_id, "No version.")?;
    let project = space.project_mut(project_id).expect("found");
    let index = project
        .versions
        .iter()
        .position(|v| v.id == version_id)
        .ok_or_else(|| ApiError::not_found("No version."))?;
    let version = project.versions.remove(index);
    for issue in space
        .issues
        .iter_mut()
        .filter(|i| i.project_id == project_id)
    {
        issue.version_ids.retain(|&v| v != version_id);
        issue.milestone_ids.retain(|&v| v != version_id);
    }
    record(&mut space, MILESTONE_DELETED, &version);
    Ok(json_ok(&json::version(&version)))
}
