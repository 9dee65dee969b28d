//! `POST /issues` and `PATCH /issues/:k` parameters, read into the domain's
//! changes. Only the shape is checked here (numbers, days, ids); what Backlog
//! refuses beyond that the model decides.

use super::custom_field_params;
use crate::errors::ApiError;
use crate::params::{self, Params};
use backlog_mcp::adapters::memory::Space;
use backlog_mcp::domain::changes::{IssueUpdate, NewIssue};
use backlog_mcp::domain::ids::{
    AttachmentId, CategoryId, IssueId, IssueTypeId, PriorityId, ProjectId, ResolutionId, StatusId,
    UserId, VersionId,
};

fn number(form: &Params, name: &str) -> Result<Option<f64>, ApiError> {
    form.get(name)
        .map(|v| {
            v.trim()
                .parse::<f64>()
                .map_err(|_| ApiError::invalid(format!("{name} must be a number: {v}")))
        })
        .transpose()
}

pub fn new_issue(form: &Params, space: &Space) -> Result<NewIssue, ApiError> {
    Ok(NewIssue {
        project_id: form.required_id("projectId", ProjectId::new)?,
        summary: form
            .raw("summary")
            .ok_or_else(|| params::missing("summary"))?
            .to_owned(),
        issue_type_id: form.required_id("issueTypeId", IssueTypeId::new)?,
        priority_id: form.required_id("priorityId", PriorityId::new)?,
        description: form.raw("description").map(str::to_owned),
        start_date: form.day("startDate")?,
        due_date: form.day("dueDate")?,
        estimated_hours: number(form, "estimatedHours")?,
        actual_hours: number(form, "actualHours")?,
        category_ids: form
            .sent_ids("categoryId", CategoryId::new)?
            .unwrap_or_default(),
        version_ids: form
            .sent_ids("versionId", VersionId::new)?
            .unwrap_or_default(),
        milestone_ids: form
            .sent_ids("milestoneId", VersionId::new)?
            .unwrap_or_default(),
        assignee_id: form.id("assigneeId", UserId::new)?,
        notified_user_ids: form
            .sent_ids("notifiedUserId", UserId::new)?
            .unwrap_or_default(),
        attachment_ids: form
            .sent_ids("attachmentId", AttachmentId::new)?
            .unwrap_or_default(),
        parent_issue_id: form.id("parentIssueId", IssueId::new)?,
        custom_fields: custom_field_params::settings(space, form.pairs())?,
    })
}

pub fn update(form: &Params, space: &Space) -> Result<IssueUpdate, ApiError> {
    Ok(IssueUpdate {
        summary: form.raw("summary").map(str::to_owned),
        issue_type_id: form.id("issueTypeId", IssueTypeId::new)?,
        priority_id: form.id("priorityId", PriorityId::new)?,
        description: form.raw("description").map(str::to_owned),
        status_id: form.id("statusId", StatusId::new)?,
        resolution_id: form.change("resolutionId", form.id("resolutionId", ResolutionId::new)?),
        assignee_id: form.change("assigneeId", form.id("assigneeId", UserId::new)?),
        start_date: form.change("startDate", form.day("startDate")?),
        due_date: form.change("dueDate", form.day("dueDate")?),
        estimated_hours: form.change("estimatedHours", number(form, "estimatedHours")?),
        actual_hours: form.change("actualHours", number(form, "actualHours")?),
        category_ids: form.sent_ids("categoryId", CategoryId::new)?,
        version_ids: form.sent_ids("versionId", VersionId::new)?,
        milestone_ids: form.sent_ids("milestoneId", VersionId::new)?,
        parent_issue_id: form.change("parentIssueId", form.id("parentIssueId", IssueId::new)?),
        notified_user_ids: form
            .sent_ids("notifiedUserId", UserId::new)?
            .unwrap_or_default(),
        attachment_ids: form
            .sent_ids("attachmentId", AttachmentId::new)?
            .unwrap_or_default(),
        custom_fields: custom_field_params::settings(space, form.pairs())?,
        comment: form.raw("comment").map(str::to_owned),
    })
}
