//! `POST /issues` and `PATCH /issues/:k` parameters, read into the domain's
//! changes. Only the shape is checked here (numbers, days, ids); what Backlog
//! refuses beyond that the model decides.

use super::custom_field_params;
use crate::errors::ApiError;
use crate::params::{self, Params};
use backlog_mcp::adapters::memory::Space;
use backlog_mcp::domain::calendar_date::CalendarDate;
use backlog_mcp::domain::changes::{Change, IssueUpdate, NewIssue};
use backlog_mcp::domain::ids::{
    AttachmentId, CategoryId, IssueId, IssueTypeId, PriorityId, ProjectId, ResolutionId, StatusId,
    UserId, VersionId,
};

fn not_an_id(name: &str, v: i64) -> ApiError {
    ApiError::invalid(format!("{name} is not an id: {v}"))
}

fn id<T, E>(
    form: &Params,
    name: &str,
    make: fn(i64) -> Result<T, E>,
) -> Result<Option<T>, ApiError> {
    form.int(name)?
        .map(|v| make(v).map_err(|_| not_an_id(name, v)))
        .transpose()
}

fn required<T, E>(form: &Params, name: &str, make: fn(i64) -> Result<T, E>) -> Result<T, ApiError> {
    id(form, name, make)?.ok_or_else(|| params::missing(name))
}

/// `None` when `name[]` was not sent; a lone empty `name[]=` is `Some([])`.
fn ids<T, E>(
    form: &Params,
    name: &str,
    make: fn(i64) -> Result<T, E>,
) -> Result<Option<Vec<T>>, ApiError> {
    form.sent_ints(name)?
        .map(|values| {
            values
                .into_iter()
                .map(|v| make(v).map_err(|_| not_an_id(name, v)))
                .collect()
        })
        .transpose()
}

fn day(form: &Params, name: &str) -> Result<Option<CalendarDate>, ApiError> {
    Ok(form.date(name)?.map(CalendarDate::from_naive))
}

fn number(form: &Params, name: &str) -> Result<Option<f64>, ApiError> {
    form.get(name)
        .map(|v| {
            v.trim()
                .parse::<f64>()
                .map_err(|_| ApiError::invalid(format!("{name} must be a number: {v}")))
        })
        .transpose()
}

/// Absent: keep; sent empty: clear; else the value.
fn change<T>(form: &Params, name: &str, value: Option<T>) -> Change<T> {
    match (form.raw(name), value) {
        (None, _) => Change::Keep,
        (Some(_), Some(v)) => Change::Set(v),
        (Some(_), None) => Change::Clear,
    }
}

pub fn new_issue(form: &Params, space: &Space) -> Result<NewIssue, ApiError> {
    Ok(NewIssue {
        project_id: required(form, "projectId", ProjectId::new)?,
        summary: form
            .raw("summary")
            .ok_or_else(|| params::missing("summary"))?
            .to_owned(),
        issue_type_id: required(form, "issueTypeId", IssueTypeId::new)?,
        priority_id: required(form, "priorityId", PriorityId::new)?,
        description: form.raw("description").map(str::to_owned),
        start_date: day(form, "startDate")?,
        due_date: day(form, "dueDate")?,
        estimated_hours: number(form, "estimatedHours")?,
        actual_hours: number(form, "actualHours")?,
        category_ids: ids(form, "categoryId", CategoryId::new)?.unwrap_or_default(),
        version_ids: ids(form, "versionId", VersionId::new)?.unwrap_or_default(),
        milestone_ids: ids(form, "milestoneId", VersionId::new)?.unwrap_or_default(),
        assignee_id: id(form, "assigneeId", UserId::new)?,
        notified_user_ids: ids(form, "notifiedUserId", UserId::new)?.unwrap_or_default(),
        attachment_ids: ids(form, "attachmentId", AttachmentId::new)?.unwrap_or_default(),
        parent_issue_id: id(form, "parentIssueId", IssueId::new)?,
        custom_fields: custom_field_params::settings(space, form.pairs())?,
    })
}

pub fn update(form: &Params, space: &Space) -> Result<IssueUpdate, ApiError> {
    Ok(IssueUpdate {
        summary: form.raw("summary").map(str::to_owned),
        issue_type_id: id(form, "issueTypeId", IssueTypeId::new)?,
        priority_id: id(form, "priorityId", PriorityId::new)?,
        description: form.raw("description").map(str::to_owned),
        status_id: id(form, "statusId", StatusId::new)?,
        resolution_id: change(
            form,
            "resolutionId",
            id(form, "resolutionId", ResolutionId::new)?,
        ),
        assignee_id: change(form, "assigneeId", id(form, "assigneeId", UserId::new)?),
        start_date: change(form, "startDate", day(form, "startDate")?),
        due_date: change(form, "dueDate", day(form, "dueDate")?),
        estimated_hours: change(form, "estimatedHours", number(form, "estimatedHours")?),
        actual_hours: change(form, "actualHours", number(form, "actualHours")?),
        category_ids: ids(form, "categoryId", CategoryId::new)?,
        version_ids: ids(form, "versionId", VersionId::new)?,
        milestone_ids: ids(form, "milestoneId", VersionId::new)?,
        parent_issue_id: change(
            form,
            "parentIssueId",
            id(form, "parentIssueId", IssueId::new)?,
        ),
        notified_user_ids: ids(form, "notifiedUserId", UserId::new)?.unwrap_or_default(),
        attachment_ids: ids(form, "attachmentId", AttachmentId::new)?.unwrap_or_default(),
        custom_fields: custom_field_params::settings(space, form.pairs())?,
        comment: form.raw("comment").map(str::to_owned),
    })
}
