//! `GET /issues` and `/issues/count` parameters, read into the domain's query.

use super::custom_field_params;
use crate::errors::ApiError;
use crate::params::Params;
use backlog_mcp::adapters::memory::Space;
use backlog_mcp::domain::calendar_date::DateRange;
use backlog_mcp::domain::ids::{
    CategoryId, IssueId, IssueTypeId, PriorityId, ProjectId, ResolutionId, StatusId, UserId,
    VersionId,
};
use backlog_mcp::domain::issue_filter::{IssueFilter, IssueQuery, IssueSort, ParentChild};

fn range(q: &Params, prefix: &str) -> Result<DateRange, ApiError> {
    let since = q.day(&format!("{prefix}Since"))?;
    let until = q.day(&format!("{prefix}Until"))?;
    DateRange::new(since, until).map_err(|e| ApiError::invalid(format!("{prefix}Since: {e}")))
}

pub fn filter(q: &Params, space: &Space) -> Result<IssueFilter, ApiError> {
    let parent_child = q
        .int("parentChild")?
        .map(|code| {
            ParentChild::from_code(code)
                .ok_or_else(|| ApiError::invalid(format!("parentChild must be 0 to 4: {code}")))
        })
        .transpose()?;
    Ok(IssueFilter {
        project_ids: q.ids("projectId", ProjectId::new)?,
        issue_type_ids: q.ids("issueTypeId", IssueTypeId::new)?,
        category_ids: q.ids("categoryId", CategoryId::new)?,
        version_ids: q.ids("versionId", VersionId::new)?,
        milestone_ids: q.ids("milestoneId", VersionId::new)?,
        status_ids: q.ids("statusId", StatusId::new)?,
        priority_ids: q.ids("priorityId", PriorityId::new)?,
        assignee_ids: q.ids("assigneeId", UserId::new)?,
        created_user_ids: q.ids("createdUserId", UserId::new)?,
        resolution_ids: q.ids("resolutionId", ResolutionId::new)?,
        parent_issue_ids: q.ids("parentIssueId", IssueId::new)?,
        issue_ids: q.ids("id", IssueId::new)?,
        keyword: q.get("keyword").map(str::to_owned),
        parent_child,
        has_attachment: q.bool("attachment")?,
        has_shared_file: q.bool("sharedFile")?,
        created: range(q, "created")?,
        updated: range(q, "updated")?,
        start_date: range(q, "startDate")?,
        due_date: range(q, "dueDate")?,
        custom_fields: custom_field_params::conditions(space, q.pairs())?,
    })
}

/// The filter plus `sort`, `order`, `offset` and `count` (1–100, default 20).
pub fn page(q: &Params, space: &Space) -> Result<IssueQuery, ApiError> {
    let sort = q
        .get("sort")
        .map(|name| {
            IssueSort::parse(name)
                .ok_or_else(|| ApiError::invalid(format!("sort is unknown: {name}")))
        })
        .transpose()?;
    Ok(IssueQuery {
        filter: filter(q, space)?,
        sort,
        order: q.sort_order()?,
        offset: q.offset()?,
        count: q.page_size()?,
    })
}
