//! Issue writes: `POST /issues`, `PATCH /issues/:k`, `DELETE /issues/:k` and
//! `POST /issues/:k/comments`, validated against the space and applied by "myself".
//!
//! Validation answers 400 / code 7 naming the parameter: required parameters, ids
//! that do not exist in the issue's project (issue type, category, version,
//! milestone, status, custom field and its items), unknown priorities, resolutions
//! and users, assignees that are not project members, parents in another project or
//! that are children themselves, a start date after the due date, negative hours,
//! custom fields that do not apply to the issue type, `_otherValue` on fields that
//! take none, and `customField_N[]` (see [`crate::custom_fields`]).
//!
//! An update that changes something, or carries `comment`, appends a comment with the
//! change log (display values: names, `yyyy-MM-dd` dates), moves `updated` /
//! `updatedUser`, marks the issue's watchings unread for other users, and appends an
//! activity (2 updated, or 3 commented when nothing but the comment changed).

use crate::custom_fields::{self, display, number};
use crate::errors::ApiError;
use crate::forms::{Change, FormParams, missing};
use crate::space::activity::{
    ISSUE_COMMENTED, ISSUE_CREATED, ISSUE_DELETED, ISSUE_UPDATED, changes_of,
};
use crate::space::{
    ActivityContent, Attachment, ChangeLogEntry, Comment, CustomFieldType, CustomValue, Issue,
    NewIssue, PRIORITIES, Project, RESOLUTIONS, Space, priority_name, resolution_name,
};
use chrono::NaiveDate;

/// Everything a create or update may set, validated.
#[derive(Debug, Default)]
struct Plan {
    summary: Option<String>,
    description: Option<String>,
    issue_type_id: Option<i64>,
    priority_id: Option<i64>,
    status_id: Option<i64>,
    resolution: Option<Change<i64>>,
    assignee: Option<Change<i64>>,
    parent: Option<Change<i64>>,
    start_date: Option<Change<NaiveDate>>,
    due_date: Option<Change<NaiveDate>>,
    estimated_hours: Option<Change<f64>>,
    actual_hours: Option<Change<f64>>,
    categories: Option<Vec<i64>>,
    versions: Option<Vec<i64>>,
    milestones: Option<Vec<i64>>,
    custom: Vec<(i64, CustomValue)>,
    /// `(field id, text)`; empty text clears.
    other_values: Vec<(i64, String)>,
    attachments: Vec<i64>,
    notified: Vec<i64>,
    comment: Option<String>,
}

fn invalid(name: &str, why: impl std::fmt::Display) -> ApiError {
    ApiError::invalid(format!("Invalid {name}: {why}"))
}

/// What an optional change makes of `current`.
fn apply<T>(change: Option<Change<T>>, current: Option<T>) -> Option<T> {
    change.unwrap_or(Change::Keep).resolve(current)
}

fn some_change<T>(c: Change<T>) -> Option<Change<T>> {
    match c {
        Change::Keep => None,
        other => Some(other),
    }
}

/// Reads and validates the parameters shared by create and update. `current` is the
/// issue being updated (`None` when creating).
fn plan(
    space: &Space,
    project: &Project,
    current: Option<&Issue>,
    form: &FormParams,
) -> Result<Plan, ApiError> {
    let mut plan = Plan::default();
    if let Some(summary) = form.raw("summary") {
        if summary.trim().is_empty() {
            return Err(missing("summary"));
        }
        if summary.chars().count() > 255 {
            return Err(invalid("summary", "at most 255 characters".to_owned()));
        }
        plan.summary = Some(summary.to_owned());
    }
    plan.description = form.raw("description").map(str::to_owned);
    if let Some(id) = form.int("issueTypeId")? {
        project.issue_type(id).ok_or_else(|| {
            invalid(
                "issueTypeId",
                format!("no issue type {id} in project {}", project.project_key),
            )
        })?;
        plan.issue_type_id = Some(id);
    }
    if let Some(id) = form.int("priorityId")? {
        if !PRIORITIES.iter().any(|(p, _)| *p == id) {
            return Err(invalid("priorityId", format!("no priority {id}")));
        }
        plan.priority_id = Some(id);
    }
    if current.is_some() {
        if let Some(id) = form.int("statusId")? {
            project.status(id).ok_or_else(|| {
                invalid(
                    "statusId",
                    format!("no status {id} in project {}", project.project_key),
                )
            })?;
            plan.status_id = Some(id);
        }
        let resolution = form.int_change("resolutionId")?;
        if let Change::Set(id) = resolution
            && !RESOLUTIONS.iter().any(|(r, _)| *r == id)
        {
            return Err(invalid("resolutionId", format!("no resolution {id}")));
        }
        plan.resolution = some_change(resolution);
    }
    let assignee = form.int_change("assigneeId")?;
    if let Change::Set(id) = assignee {
        space
            .user(id)
            .ok_or_else(|| invalid("assigneeId", format!("no user {id}")))?;
        if !project.user_ids.contains(&id) {
            return Err(invalid(
                "assigneeId",
                format!(
                    "user {id} is not a member of project {}",
                    project.project_key
                ),
            ));
        }
    }
    plan.assignee = some_change(assignee);
    let parent = form.int_change("parentIssueId")?;
    if let Change::Set(id) = parent {
        check_parent(space, project, current, id)?;
    }
    plan.parent = some_change(parent);
    plan.start_date = some_change(form.date_change("startDate")?);
    plan.due_date = some_change(form.date_change("dueDate")?);
    plan.estimated_hours = some_change(form.hours_change("estimatedHours")?);
    plan.actual_hours = some_change(form.hours_change("actualHours")?);
    plan.categories = checked_ids(form, "categoryId", |id| project.category(id).is_some())?;
    plan.versions = checked_ids(form, "versionId", |id| project.version(id).is_some())?;
    plan.milestones = checked_ids(form, "milestoneId", |id| project.version(id).is_some())?;
    plan.notified =
        checked_ids(form, "notifiedUserId", |id| space.user(id).is_some())?.unwrap_or_default();
    plan.attachments = checked_ids(form, "attachmentId", |id| {
        space.staged_attachments.iter().any(|a| a.id == id)
    })?
    .unwrap_or_default();
    plan.comment = form.text("comment").map(str::to_owned);

    // Dates: the start may not come after the due date, as they end up.
    let start = plan
        .start_date
        .clone()
        .unwrap_or(Change::Keep)
        .resolve(current.and_then(|i| i.start_date));
    let due = plan
        .due_date
        .clone()
        .unwrap_or(Change::Keep)
        .resolve(current.and_then(|i| i.due_date));
    if let (Some(s), Some(d)) = (start, due)
        && s > d
    {
        return Err(invalid(
            "startDate",
            format!("the start date {s} is after the due date {d}"),
        ));
    }

    let issue_type = plan
        .issue_type_id
        .or(current.map(|i| i.issue_type_id))
        .unwrap_or_default();
    for (field_id, input) in custom_fields::write_inputs(form.pairs())? {
        let name = format!("customField_{field_id}");
        let field = project.custom_field(field_id).ok_or_else(|| {
            invalid(
                &name,
                format!(
                    "no custom field {field_id} in project {}",
                    project.project_key
                ),
            )
        })?;
        if !field.applicable_issue_types.is_empty()
            && !field.applicable_issue_types.contains(&issue_type)
        {
            return Err(invalid(
                &name,
                format!("{} does not apply to this issue type", field.name),
            ));
        }
        if let Some(values) = &input.values {
            plan.custom
                .push((field_id, custom_fields::value_for(field, values)?));
        }
        if let Some(other) = input.other {
            let takes_other = matches!(
                field.type_id,
                CustomFieldType::CheckBox | CustomFieldType::Radio
            ) && field.allow_input;
            if !takes_other {
                return Err(invalid(
                    &format!("{name}_otherValue"),
                    format!("{} takes no other value", field.name),
                ));
            }
            plan.other_values.push((field_id, other));
        }
    }
    if current.is_none() {
        for field in &project.custom_fields {
            let applies = field.applicable_issue_types.is_empty()
                || field.applicable_issue_types.contains(&issue_type);
            let given = plan
                .custom
                .iter()
                .any(|(id, v)| *id == field.id && !is_empty(v));
            if field.required && applies && !given {
                return Err(missing(&format!("customField_{}", field.id)));
            }
        }
    }
    Ok(plan)
}

fn is_empty(v: &CustomValue) -> bool {
    match v {
        CustomValue::Text(t) => t.is_none(),
        CustomValue::Numeric(n) => n.is_none(),
        CustomValue::Date(d) => d.is_none(),
        CustomValue::SingleList(i) => i.is_none(),
        CustomValue::MultipleList(ids) => ids.is_empty(),
    }
}

/// `name[]` ids, each accepted by `known`.
fn checked_ids(
    form: &FormParams,
    name: &str,
    known: impl Fn(i64) -> bool,
) -> Result<Option<Vec<i64>>, ApiError> {
    let Some(ids) = form.ints(name)? else {
        return Ok(None);
    };
    if let Some(bad) = ids.iter().find(|&&id| !known(id)) {
        return Err(invalid(&format!("{name}[]"), format!("no such id {bad}")));
    }
    let mut unique = Vec::new();
    for id in ids {
        if !unique.contains(&id) {
            unique.push(id);
        }
    }
    Ok(Some(unique))
}

fn check_parent(
    space: &Space,
    project: &Project,
    current: Option<&Issue>,
    parent_id: i64,
) -> Result<(), ApiError> {
    let why = |w: String| Err(invalid("parentIssueId", w));
    if !project.subtasking_enabled {
        return why(format!(
            "subtasking is disabled in project {}",
            project.project_key
        ));
    }
    let Some(parent) = space.issue(parent_id) else {
        return why(format!("no issue {parent_id}"));
    };
    if parent.project_id != project.id {
        return why(format!("{} is in another project", space.issue_key(parent)));
    }
    if let Some(current) = current {
        if parent.id == current.id {
            return why("an issue cannot be its own parent".into());
        }
        if space
            .issues
            .iter()
            .any(|i| i.parent_issue_id == Some(current.id))
        {
            return why(format!("{} has child issues", space.issue_key(current)));
        }
    }
    if parent.parent_issue_id.is_some() && !project.grandchild_issue_enabled {
        return why(format!(
            "{} is a child issue itself",
            space.issue_key(parent)
        ));
    }
    Ok(())
}

/// Moves staged uploads to an issue (in the order given).
fn take_staged(space: &mut Space, ids: &[i64]) -> Vec<Attachment> {
    ids.iter()
        .filter_map(|id| {
            let at = space.staged_attachments.iter().position(|a| a.id == *id)?;
            Some(space.staged_attachments.remove(at))
        })
        .collect()
}

fn attachment_summary(attachments: &[Attachment]) -> Vec<(i64, String, i64)> {
    attachments
        .iter()
        .map(|a| (a.id, a.name.clone(), a.size))
        .collect()
}

fn project_of(space: &Space, id: Option<i64>, name: &str) -> Result<Project, ApiError> {
    let id = id.ok_or_else(|| missing(name))?;
    space
        .project(id)
        .cloned()
        // Like any unknown resource named by the request: 404 "No project.".
        .ok_or_else(|| ApiError::not_found("No project."))
}

/// `POST /issues`: returns the new issue's id.
pub(crate) fn create(space: &mut Space, form: &FormParams) -> Result<i64, ApiError> {
    let project = project_of(space, form.int("projectId")?, "projectId")?;
    form.required_text("summary")?;
    form.required_int("issueTypeId")?;
    form.required_int("priorityId")?;
    let plan = plan(space, &project, None, form)?;
    let mut new = NewIssue::new(project.id.to_string(), plan.summary.unwrap_or_default());
    new.description = plan.description.unwrap_or_default();
    new.issue_type_id = plan.issue_type_id;
    new.priority_id = plan.priority_id.unwrap_or(3);
    new.assignee_id = apply(plan.assignee, None);
    new.parent_issue_id = apply(plan.parent, None);
    new.start_date = apply(plan.start_date, None);
    new.due_date = apply(plan.due_date, None);
    new.estimated_hours = apply(plan.estimated_hours, None);
    new.actual_hours = apply(plan.actual_hours, None);
    new.category_ids = plan.categories.unwrap_or_default();
    new.version_ids = plan.versions.unwrap_or_default();
    new.milestone_ids = plan.milestones.unwrap_or_default();
    new.custom_fields = plan.custom;
    let id = space.add_issue(new).map_err(ApiError::invalid)?;
    let attachments = take_staged(space, &plan.attachments);
    let issue = space.issue_mut(id).expect("just added");
    issue.custom_field_other_values = plan
        .other_values
        .into_iter()
        .filter(|(_, text)| !text.is_empty())
        .collect();
    issue.attachments = attachments;
    let issue = issue.clone();
    let mut content = ActivityContent::issue(&issue, None, Vec::new());
    if let ActivityContent::Issue { attachments, .. } = &mut content {
        *attachments = attachment_summary(&issue.attachments);
    }
    space.record_activity(
        project.id,
        ISSUE_CREATED,
        content,
        space.myself_id,
        issue.created,
    );
    Ok(id)
}

/// `PATCH /issues/:k`.
pub(crate) fn update(space: &mut Space, issue_id: i64, form: &FormParams) -> Result<(), ApiError> {
    let old = space
        .issue(issue_id)
        .cloned()
        .ok_or_else(|| ApiError::not_found("No issue."))?;
    let project = space
        .project(old.project_id)
        .cloned()
        .ok_or_else(|| ApiError::not_found("No project."))?;
    let plan = plan(space, &project, Some(&old), form)?;

    let mut new = old.clone();
    if let Some(v) = plan.summary {
        new.summary = v;
    }
    if let Some(v) = plan.description {
        new.description = v;
    }
    if let Some(v) = plan.issue_type_id {
        new.issue_type_id = v;
    }
    if let Some(v) = plan.priority_id {
        new.priority_id = v;
    }
    if let Some(v) = plan.status_id {
        new.status_id = v;
    }
    new.resolution_id = apply(plan.resolution, old.resolution_id);
    new.assignee_id = apply(plan.assignee, old.assignee_id);
    new.parent_issue_id = apply(plan.parent, old.parent_issue_id);
    new.start_date = apply(plan.start_date, old.start_date);
    new.due_date = apply(plan.due_date, old.due_date);
    new.estimated_hours = apply(plan.estimated_hours, old.estimated_hours);
    new.actual_hours = apply(plan.actual_hours, old.actual_hours);
    if let Some(v) = plan.categories {
        new.category_ids = v;
    }
    if let Some(v) = plan.versions {
        new.version_ids = v;
    }
    if let Some(v) = plan.milestones {
        new.milestone_ids = v;
    }
    for (field_id, value) in plan.custom {
        // An issue lists only the fields that hold something, as a new one does.
        if is_empty(&value) {
            new.custom_fields.retain(|(id, _)| *id != field_id);
            continue;
        }
        match new.custom_fields.iter_mut().find(|(id, _)| *id == field_id) {
            Some(slot) => slot.1 = value,
            None => new.custom_fields.push((field_id, value)),
        }
    }
    for (field_id, text) in plan.other_values {
        new.custom_field_other_values
            .retain(|(id, _)| *id != field_id);
        if !text.is_empty() {
            new.custom_field_other_values.push((field_id, text));
        }
    }
    let added = take_staged(space, &plan.attachments);
    new.attachments.extend(added.iter().cloned());

    let mut log = change_log(space, &project, &old, &new);
    log.extend(added.iter().map(|a| {
        let mut entry = ChangeLogEntry::new("attachment", None, Some(&a.name));
        entry.attachment_info = Some((a.id, a.name.clone()));
        entry
    }));
    if log.is_empty() && plan.comment.is_none() {
        return Ok(());
    }
    let content = plan.comment.unwrap_or_default();
    let type_id = if log.is_empty() {
        ISSUE_COMMENTED
    } else {
        ISSUE_UPDATED
    };
    let comment_id = append_comment(space, &mut new, &content, log.clone(), plan.notified);
    let changes = changes_of(space, &new, &log);
    let mut activity = ActivityContent::issue(&new, Some((comment_id, content)), changes);
    if let ActivityContent::Issue { attachments, .. } = &mut activity {
        *attachments = attachment_summary(&added);
    }
    let (actor, at) = (new.updated_user_id, new.updated);
    *space.issue_mut(issue_id).expect("exists") = new;
    space.touch_watchings(issue_id, actor, at);
    space.record_activity(project.id, type_id, activity, actor, at);
    Ok(())
}

/// Appends a comment by "myself" at the next tick to `issue` (not yet stored back)
/// and moves its `updated`; returns the comment id.
fn append_comment(
    space: &mut Space,
    issue: &mut Issue,
    content: &str,
    log: Vec<ChangeLogEntry>,
    notified: Vec<i64>,
) -> i64 {
    let now = space.tick();
    let id = space.next_comment_id.max(
        space
            .issues
            .iter()
            .flat_map(|i| i.comments.iter())
            .map(|c| c.id + 1)
            .max()
            .unwrap_or(0),
    );
    space.next_comment_id = id + 1;
    let myself = space.myself_id;
    let mut comment = Comment::new(id, content, log, myself, now);
    comment.notified_user_ids = notified;
    issue.comments.push(comment);
    issue.updated = now;
    issue.updated_user_id = myself;
    id
}

/// `POST /issues/:k/comments`: `content` (required), `notifiedUserId[]`,
/// `attachmentId[]`. Returns the comment id.
pub(crate) fn add_comment(
    space: &mut Space,
    issue_id: i64,
    form: &FormParams,
) -> Result<i64, ApiError> {
    let mut issue = space
        .issue(issue_id)
        .cloned()
        .ok_or_else(|| ApiError::not_found("No issue."))?;
    let content = form.required_text("content")?.to_owned();
    let notified =
        checked_ids(form, "notifiedUserId", |id| space.user(id).is_some())?.unwrap_or_default();
    let staged = checked_ids(form, "attachmentId", |id| {
        space.staged_attachments.iter().any(|a| a.id == id)
    })?
    .unwrap_or_default();
    let added = take_staged(space, &staged);
    let log: Vec<ChangeLogEntry> = added
        .iter()
        .map(|a| {
            let mut entry = ChangeLogEntry::new("attachment", None, Some(&a.name));
            entry.attachment_info = Some((a.id, a.name.clone()));
            entry
        })
        .collect();
    issue.attachments.extend(added.iter().cloned());
    let comment_id = append_comment(space, &mut issue, &content, log, notified);
    let mut activity = ActivityContent::issue(&issue, Some((comment_id, content)), Vec::new());
    if let ActivityContent::Issue { attachments, .. } = &mut activity {
        *attachments = attachment_summary(&added);
    }
    let (project, actor, at) = (issue.project_id, issue.updated_user_id, issue.updated);
    *space.issue_mut(issue_id).expect("exists") = issue;
    space.touch_watchings(issue_id, actor, at);
    space.record_activity(project, ISSUE_COMMENTED, activity, actor, at);
    Ok(comment_id)
}

/// `DELETE /issues/:k`: removes the issue, its watchings and related links; its child
/// issues lose their parent. Returns the issue as it was.
pub(crate) fn delete(space: &mut Space, issue_id: i64) -> Option<Issue> {
    let index = space.issues.iter().position(|i| i.id == issue_id)?;
    let issue = space.issues.remove(index);
    for child in space
        .issues
        .iter_mut()
        .filter(|i| i.parent_issue_id == Some(issue_id))
    {
        child.parent_issue_id = None;
    }
    space
        .related_issues
        .retain(|&(a, b)| a != issue_id && b != issue_id);
    space.watchings.retain(|w| w.issue_id != issue_id);
    let now = space.tick();
    let content = ActivityContent::issue(&issue, None, Vec::new());
    space.record_activity(
        issue.project_id,
        ISSUE_DELETED,
        content,
        space.myself_id,
        now,
    );
    Some(issue)
}

/// The change log between two versions of an issue, with display values.
fn change_log(space: &Space, project: &Project, old: &Issue, new: &Issue) -> Vec<ChangeLogEntry> {
    let mut log = Vec::new();
    let mut push = |field: &str, before: Option<String>, after: Option<String>| {
        if before != after {
            log.push(ChangeLogEntry::new(
                field,
                before.as_deref(),
                after.as_deref(),
            ));
        }
    };
    let day = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    let user = |id: Option<i64>| {
        id.map(|id| {
            space
                .user(id)
                .map_or_else(|| id.to_string(), |u| u.name.clone())
        })
    };
    let names = |ids: &[i64], name: &dyn Fn(i64) -> Option<String>| -> Option<String> {
        let list: Vec<String> = ids.iter().filter_map(|&id| name(id)).collect();
        (!list.is_empty()).then(|| list.join(", "))
    };
    let category = |id| project.category(id).map(|c| c.name.clone());
    let version = |id| project.version(id).map(|v| v.name.clone());
    push(
        "summary",
        Some(old.summary.clone()),
        Some(new.summary.clone()),
    );
    // An empty description is shown as no value, like the other unset fields.
    let text = |t: &str| (!t.is_empty()).then(|| t.to_owned());
    push(
        "description",
        text(&old.description),
        text(&new.description),
    );
    let issue_type = |id| project.issue_type(id).map(|t| t.name.clone());
    push(
        "issueType",
        issue_type(old.issue_type_id),
        issue_type(new.issue_type_id),
    );
    push(
        "priority",
        Some(priority_name(old.priority_id).to_owned()),
        Some(priority_name(new.priority_id).to_owned()),
    );
    let status = |id| project.status(id).map(|s| s.name.clone());
    push("status", status(old.status_id), status(new.status_id));
    let resolution = |id: Option<i64>| id.map(|r| resolution_name(r).to_owned());
    push(
        "resolution",
        resolution(old.resolution_id),
        resolution(new.resolution_id),
    );
    push("assigner", user(old.assignee_id), user(new.assignee_id));
    push("startDate", day(old.start_date), day(new.start_date));
    push("limitDate", day(old.due_date), day(new.due_date));
    push(
        "estimatedHours",
        old.estimated_hours.map(number),
        new.estimated_hours.map(number),
    );
    push(
        "actualHours",
        old.actual_hours.map(number),
        new.actual_hours.map(number),
    );
    let parent = |id: Option<i64>| {
        id.map(|id| {
            space
                .issue(id)
                .map_or_else(|| id.to_string(), |i| space.issue_key(i))
        })
    };
    push(
        "parentIssue",
        parent(old.parent_issue_id),
        parent(new.parent_issue_id),
    );
    push(
        "component",
        names(&old.category_ids, &category),
        names(&new.category_ids, &category),
    );
    push(
        "version",
        names(&old.version_ids, &version),
        names(&new.version_ids, &version),
    );
    push(
        "milestone",
        names(&old.milestone_ids, &version),
        names(&new.milestone_ids, &version),
    );
    for field in &project.custom_fields {
        let value = |i: &Issue| {
            i.custom_fields
                .iter()
                .find(|(id, _)| *id == field.id)
                .map(|(_, v)| v.clone())
        };
        let other = |i: &Issue| {
            i.custom_field_other_values
                .iter()
                .find(|(id, _)| *id == field.id)
                .map(|(_, t)| t.clone())
        };
        let shown = |i: &Issue| {
            let main = display(Some(field), value(i).as_ref());
            match (main, other(i)) {
                (Some(m), Some(o)) => Some(format!("{m}, {o}")),
                (m, o) => m.or(o),
            }
        };
        let (before, after) = (shown(old), shown(new));
        if before != after {
            let mut entry = ChangeLogEntry::new(&field.name, before.as_deref(), after.as_deref());
            entry.attribute_info = Some((field.id, field.type_id as i64));
            log.push(entry);
        }
    }
    log
}
