//! `POST /projects`, `PATCH /projects/:p` and `POST /projects/:p/categories`.
//!
//! A project key is upper-case letters, digits and `_`, starting with a letter, at most
//! 10 characters, and unique (case-insensitive); a duplicate or malformed key, or a
//! duplicate category name, is 400 / code 7 naming the parameter. New projects get the
//! four default statuses, the issue types Task, Bug, Request and Other, and "myself"
//! as their only member.

use super::{AppState, Form};
use crate::errors::{ApiError, ApiResult, json_ok};
use crate::forms::{FormParams, missing};
use crate::json;
use crate::space::{Category, IssueType, Project, Space};
use axum::extract::Path;

fn check_key(space: &Space, key: &str, except: Option<i64>) -> Result<(), ApiError> {
    let well_formed = key.len() <= 10
        && key.starts_with(|c: char| c.is_ascii_uppercase())
        && key
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
    if !well_formed {
        return Err(ApiError::invalid(format!(
            "Invalid key: {key} (upper-case letters, digits and _, starting with a letter, at most 10 characters)"
        )));
    }
    if space
        .projects
        .iter()
        .any(|p| Some(p.id) != except && p.project_key.eq_ignore_ascii_case(key))
    {
        return Err(ApiError::invalid(format!(
            "Invalid key: project key {key} is already used"
        )));
    }
    Ok(())
}

fn text_formatting_rule(form: &FormParams) -> Result<Option<String>, ApiError> {
    match form.text("textFormattingRule") {
        None => Ok(None),
        Some(rule @ ("backlog" | "markdown")) => Ok(Some(rule.to_owned())),
        Some(other) => Err(ApiError::invalid(format!(
            "Invalid textFormattingRule: {other} (backlog or markdown)"
        ))),
    }
}

/// The optional project flags, applied when sent.
fn apply_flags(project: &mut Project, form: &FormParams) -> Result<(), ApiError> {
    let flags: [(&str, &mut bool); 12] = [
        ("chartEnabled", &mut project.chart_enabled),
        ("subtaskingEnabled", &mut project.subtasking_enabled),
        (
            "projectLeaderCanEditProjectLeader",
            &mut project.project_leader_can_edit_project_leader,
        ),
        ("useWiki", &mut project.use_wiki),
        ("useFileSharing", &mut project.use_file_sharing),
        ("useWikiTreeView", &mut project.use_wiki_tree_view),
        ("useSubversion", &mut project.use_subversion),
        ("useGit", &mut project.use_git),
        (
            "useOriginalImageSizeAtWiki",
            &mut project.use_original_image_size_at_wiki,
        ),
        ("useResolvedForChart", &mut project.use_resolved_for_chart),
        ("useDevAttributes", &mut project.use_dev_attributes),
        (
            "grandchildIssueEnabled",
            &mut project.grandchild_issue_enabled,
        ),
    ];
    for (name, slot) in flags {
        if let Some(v) = form.bool(name)? {
            *slot = v;
        }
    }
    Ok(())
}

/// `name`, `key`, `chartEnabled`, `subtaskingEnabled`, `textFormattingRule` (all
/// required), `projectLeaderCanEditProjectLeader` and the other flags (optional).
pub(super) async fn create(state: AppState, form: Form) -> ApiResult {
    let name = form.required_text("name")?.to_owned();
    let key = form.required_text("key")?.to_owned();
    form.required_bool("chartEnabled")?;
    form.required_bool("subtaskingEnabled")?;
    let rule = text_formatting_rule(&form)?.ok_or_else(|| missing("textFormattingRule"))?;
    let mut space = state.space.lock();
    check_key(&space, &key, None)?;
    let taken = space.projects.iter().map(|p| p.id).max();
    let id = Space::fresh_id(&mut space.next_ids.project, taken);
    let mut project = crate::space::demo::project(id, &key, &name);
    project.text_formatting_rule = rule;
    project.user_ids = vec![space.myself_id];
    apply_flags(&mut project, &form)?;
    let taken = space
        .projects
        .iter()
        .flat_map(|p| p.issue_types.iter().map(|t| t.id))
        .max();
    for (order, (type_name, color)) in (0..).zip([
        ("Task", "#7ea800"),
        ("Bug", "#990000"),
        ("Request", "#ff9200"),
        ("Other", "#2779ca"),
    ]) {
        let type_id = Space::fresh_id(&mut space.next_ids.issue_type, taken);
        project.issue_types.push(IssueType {
            id: type_id,
            project_id: id,
            name: type_name.into(),
            color: color.into(),
            display_order: order,
            template_summary: None,
            template_description: None,
        });
    }
    let rendered = serde_json::to_value(json::project(&project)).unwrap_or_default();
    space.projects.push(project);
    Ok(json_ok(&rendered))
}

/// Every parameter of `POST /projects` plus `archived`, all optional.
pub(super) async fn update(state: AppState, form: Form, Path(p): Path<String>) -> ApiResult {
    let mut space = state.space.lock();
    let id = space
        .project_by_id_or_key(&p)
        .map(|p| p.id)
        .ok_or_else(|| ApiError::not_found("No project."))?;
    if let Some(key) = form.raw("key") {
        check_key(&space, key, Some(id))?;
    }
    if form.raw("name").is_some() {
        form.required_text("name")?;
    }
    let rule = text_formatting_rule(&form)?;
    let archived = form.bool("archived")?;
    let project = space.project_mut(id).expect("found above");
    let mut changed = project.clone();
    if let Some(key) = form.raw("key") {
        changed.project_key = key.to_owned();
    }
    if let Some(name) = form.raw("name") {
        changed.name = name.to_owned();
    }
    if let Some(rule) = rule {
        changed.text_formatting_rule = rule;
    }
    if let Some(archived) = archived {
        changed.archived = archived;
    }
    apply_flags(&mut changed, &form)?;
    *project = changed;
    Ok(json_ok(&json::project(project)))
}

/// `name` (required, unique in the project).
pub(super) async fn add_category(state: AppState, form: Form, Path(p): Path<String>) -> ApiResult {
    let name = form.required_text("name")?.to_owned();
    let mut space = state.space.lock();
    let project = space
        .project_by_id_or_key(&p)
        .ok_or_else(|| ApiError::not_found("No project."))?;
    if project.categories.iter().any(|c| c.name == name) {
        return Err(ApiError::invalid(format!(
            "Invalid name: category {name} already exists in project {}",
            project.project_key
        )));
    }
    let project_id = project.id;
    let taken = space
        .projects
        .iter()
        .flat_map(|p| p.categories.iter().map(|c| c.id))
        .max();
    let id = Space::fresh_id(&mut space.next_ids.category, taken);
    let category = Category {
        id,
        project_id,
        name,
        display_order: 2_147_483_646,
    };
    let rendered = serde_json::to_value(json::category(&category)).unwrap_or_default();
    space
        .project_mut(project_id)
        .expect("found above")
        .categories
        .push(category);
    Ok(json_ok(&rendered))
}
