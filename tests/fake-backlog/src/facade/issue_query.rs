//! `GET /issues` and `/issues/count` parameters, read into the domain's query.

use super::custom_field_params;
use crate::errors::ApiError;
use crate::params::Params;
use backlog_mcp::adapters::memory::Space;
use backlog_mcp::domain::calendar_date::{CalendarDate, DateRange};
use backlog_mcp::domain::ids::{
    CategoryId, IssueId, IssueTypeId, PriorityId, ProjectId, ResolutionId, StatusId, UserId,
    VersionId,
};
use backlog_mcp::domain::issue_filter::{
    IssueFilter, IssueQuery, IssueSort, PageSize, ParentChild, SortOrder,
};

/// Every value of `name[]` as an id; a value that is no id is a 400 naming it.
fn ids<T, E>(q: &Params, name: &str, make: fn(i64) -> Result<T, E>) -> Result<Vec<T>, ApiError> {
    q.ints(name)?
        .into_iter()
        .map(|v| make(v).map_err(|_| ApiError::invalid(format!("{name}[] is not an id: {v}"))))
        .collect()
}

fn range(q: &Params, prefix: &str) -> Result<DateRange, ApiError> {
    let since = q
        .date(&format!("{prefix}Since"))?
        .map(CalendarDate::from_naive);
    let until = q
        .date(&format!("{prefix}Until"))?
        .map(CalendarDate::from_naive);
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
        project_ids: ids(q, "projectId", ProjectId::new)?,
        issue_type_ids: ids(q, "issueTypeId", IssueTypeId::new)?,
        category_ids: ids(q, "categoryId", CategoryId::new)?,
        version_ids: ids(q, "versionId", VersionId::new)?,
        milestone_ids: ids(q, "milestoneId", VersionId::new)?,
        status_ids: ids(q, "statusId", StatusId::new)?,
        priority_ids: ids(q, "priorityId", PriorityId::new)?,
        assignee_ids: ids(q, "assigneeId", UserId::new)?,
        created_user_ids: ids(q, "createdUserId", UserId::new)?,
        resolution_ids: ids(q, "resolutionId", ResolutionId::new)?,
        parent_issue_ids: ids(q, "parentIssueId", IssueId::new)?,
        issue_ids: ids(q, "id", IssueId::new)?,
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
    let order = if q.ascending()? {
        SortOrder::Asc
    } else {
        SortOrder::Desc
    };
    let offset = q.int("offset")?.unwrap_or(0);
    let offset = u64::try_from(offset)
        .map_err(|_| ApiError::invalid(format!("offset must be 0 or more: {offset}")))?;
    let count = q.int_in("count", 1, 100)?.unwrap_or(20);
    let count = PageSize::new(count).map_err(|e| ApiError::invalid(format!("count: {e}")))?;
    Ok(IssueQuery {
        filter: filter(q, space)?,
        sort,
        order,
        offset,
        count,
    })
}
