//! An [`IssueFilter`] as Backlog's `GET /issues` parameters.

use super::params::Params;
use crate::domain::issue_filter::{CustomFieldCondition, IssueFilter, IssueQuery};

pub fn filter_params(filter: &IssueFilter) -> Params {
    let mut params = Params::new();
    params
        .push_array("projectId", &filter.project_ids)
        .push_array("issueTypeId", &filter.issue_type_ids)
        .push_array("categoryId", &filter.category_ids)
        .push_array("versionId", &filter.version_ids)
        .push_array("milestoneId", &filter.milestone_ids)
        .push_array("statusId", &filter.status_ids)
        .push_array("priorityId", &filter.priority_ids)
        .push_array("assigneeId", &filter.assignee_ids)
        .push_array("createdUserId", &filter.created_user_ids)
        .push_array("resolutionId", &filter.resolution_ids)
        .push_array("parentIssueId", &filter.parent_issue_ids)
        .push_array("id", &filter.issue_ids)
        .push_opt("keyword", filter.keyword.as_deref())
        .push_opt("parentChild", filter.parent_child.map(|p| p.code()))
        .push_opt("attachment", filter.has_attachment)
        .push_opt("sharedFile", filter.has_shared_file)
        .push_range("created", &filter.created)
        .push_range("updated", &filter.updated)
        .push_range("startDate", &filter.start_date)
        .push_range("dueDate", &filter.due_date);
    for condition in &filter.custom_fields {
        push_custom_field(&mut params, condition);
    }
    params
}

/// Custom-field filters. List items are indexed (`customField_5[0]=1`): Backlog
/// does not honour bracket arrays for `customField_*` parameters.
fn push_custom_field(params: &mut Params, condition: &CustomFieldCondition) {
    match condition {
        CustomFieldCondition::Text { id, keyword } => {
            params.push(format!("customField_{id}"), keyword);
        }
        CustomFieldCondition::Numeric { id, min, max } => {
            params
                .push_opt(&format!("customField_{id}_min"), *min)
                .push_opt(&format!("customField_{id}_max"), *max);
        }
        CustomFieldCondition::Date { id, range } => {
            params
                .push_opt(&format!("customField_{id}_min"), range.since())
                .push_opt(&format!("customField_{id}_max"), range.until());
        }
        CustomFieldCondition::Items { id, item_ids } => {
            for (index, item) in item_ids.iter().enumerate() {
                params.push(format!("customField_{id}[{index}]"), item);
            }
        }
    }
}

pub fn query_params(query: &IssueQuery) -> Params {
    let mut params = filter_params(&query.filter);
    params
        .push_opt("sort", query.sort.map(|s| s.name()))
        .push("order", query.order.as_str())
        .push("offset", query.offset)
        .push("count", query.count.get());
    params
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar_date::{CalendarDate, DateRange};
    use crate::domain::ids::{CustomFieldId, ProjectId, StatusId};
    use crate::domain::issue_filter::IssueSort;

    #[test]
    fn arrays_dates_and_custom_fields_use_backlog_names() {
        let filter = IssueFilter {
            project_ids: vec![ProjectId::new(1).unwrap(), ProjectId::new(2).unwrap()],
            status_ids: vec![StatusId::new(3).unwrap()],
            created: DateRange::new(Some(CalendarDate::parse("2026-01-01").unwrap()), None)
                .unwrap(),
            custom_fields: vec![CustomFieldCondition::Items {
                id: CustomFieldId::new(7).unwrap(),
                item_ids: vec![3, 4],
            }],
            ..IssueFilter::default()
        };
        let mut query = IssueQuery::first_page(filter);
        query.sort = Some(IssueSort::Created);
        let pairs: Vec<String> = query_params(&query)
            .pairs()
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        assert_eq!(
            pairs,
            [
                "projectId[]=1",
                "projectId[]=2",
                "statusId[]=3",
                "createdSince=2026-01-01",
                "customField_7[0]=3",
                "customField_7[1]=4",
                "sort=created",
                "order=desc",
                "offset=0",
                "count=100"
            ]
        );
    }
}
