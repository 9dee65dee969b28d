//! `GET /issues` and `GET /issues/count` semantics: filters, sort, order, paging.
//!
//! Values of one array parameter are OR'ed, different parameters AND'ed. Date filters
//! take `yyyy-MM-dd` and are inclusive whole days; timestamps (`created`, `updated`) are
//! compared by their UTC calendar day. Issues without a start/due date never match a
//! start/due date filter. Unknown parameters are ignored, like Backlog does.
//! Custom field filters (`customField_N...`) are described in [`crate::custom_fields`].

use crate::custom_fields::{self, CustomFilter};
use crate::errors::ApiError;
use crate::query::QueryParams;
use crate::space::{CustomValue, Issue, Space};
use chrono::{Datelike, NaiveDate};
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

/// Every filter `GET /issues` and `GET /issues/count` share.
#[derive(Debug, Clone, Default)]
pub struct IssueFilter {
    project_ids: Vec<i64>,
    issue_type_ids: Vec<i64>,
    category_ids: Vec<i64>,
    version_ids: Vec<i64>,
    milestone_ids: Vec<i64>,
    status_ids: Vec<i64>,
    priority_ids: Vec<i64>,
    assignee_ids: Vec<i64>,
    created_user_ids: Vec<i64>,
    resolution_ids: Vec<i64>,
    parent_issue_ids: Vec<i64>,
    ids: Vec<i64>,
    /// Lower-cased.
    keyword: Option<String>,
    parent_child: i64,
    attachment: Option<bool>,
    has_due_date: Option<bool>,
    created: DateRange,
    updated: DateRange,
    start_date: DateRange,
    due_date: DateRange,
    custom: Vec<CustomFilter>,
}

#[derive(Debug, Clone, Copy, Default)]
struct DateRange {
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
}

impl DateRange {
    fn parse(q: &QueryParams, prefix: &str) -> Result<DateRange, ApiError> {
        Ok(DateRange {
            since: q.date(&format!("{prefix}Since"))?,
            until: q.date(&format!("{prefix}Until"))?,
        })
    }

    fn is_open(&self) -> bool {
        self.since.is_none() && self.until.is_none()
    }

    fn contains(&self, day: Option<NaiveDate>) -> bool {
        if self.is_open() {
            return true;
        }
        let Some(day) = day else { return false };
        self.since.is_none_or(|s| day >= s) && self.until.is_none_or(|u| day <= u)
    }
}

impl IssueFilter {
    pub fn parse(q: &QueryParams) -> Result<IssueFilter, ApiError> {
        Ok(IssueFilter {
            project_ids: q.ints("projectId")?,
            issue_type_ids: q.ints("issueTypeId")?,
            category_ids: q.ints("categoryId")?,
            version_ids: q.ints("versionId")?,
            milestone_ids: q.ints("milestoneId")?,
            status_ids: q.ints("statusId")?,
            priority_ids: q.ints("priorityId")?,
            assignee_ids: q.ints("assigneeId")?,
            created_user_ids: q.ints("createdUserId")?,
            resolution_ids: q.ints("resolutionId")?,
            parent_issue_ids: q.ints("parentIssueId")?,
            ids: q.ints("id")?,
            keyword: q.get("keyword").map(str::to_lowercase),
            parent_child: q.int_in("parentChild", 0, 4)?.unwrap_or(0),
            attachment: q.bool("attachment")?,
            has_due_date: q.bool("hasDueDate")?,
            created: DateRange::parse(q, "created")?,
            updated: DateRange::parse(q, "updated")?,
            start_date: DateRange::parse(q, "startDate")?,
            due_date: DateRange::parse(q, "dueDate")?,
            custom: custom_fields::filters(q.pairs())?,
        })
    }

    /// The matching issues, in the space's (ascending id) order.
    pub fn select<'a>(&self, space: &'a Space) -> Vec<&'a Issue> {
        // Only the parentChild filters 3 and 4 need to know who has children.
        let parents: HashSet<i64> = if self.parent_child >= 3 {
            space
                .issues
                .iter()
                .filter_map(|i| i.parent_issue_id)
                .collect()
        } else {
            HashSet::new()
        };
        space
            .issues
            .iter()
            .filter(|i| self.matches(i, &parents))
            .collect()
    }

    fn matches(&self, i: &Issue, parents: &HashSet<i64>) -> bool {
        fn any_of(wanted: &[i64], value: i64) -> bool {
            wanted.is_empty() || wanted.contains(&value)
        }
        fn any_in(wanted: &[i64], values: &[i64]) -> bool {
            wanted.is_empty() || values.iter().any(|v| wanted.contains(v))
        }
        fn any_opt(wanted: &[i64], value: Option<i64>) -> bool {
            wanted.is_empty() || value.is_some_and(|v| wanted.contains(&v))
        }
        let family = match self.parent_child {
            1 => i.parent_issue_id.is_none(),
            2 => i.parent_issue_id.is_some(),
            3 => i.parent_issue_id.is_none() && !parents.contains(&i.id),
            4 => parents.contains(&i.id),
            _ => true,
        };
        family
            && any_of(&self.project_ids, i.project_id)
            && any_of(&self.issue_type_ids, i.issue_type_id)
            && any_in(&self.category_ids, &i.category_ids)
            && any_in(&self.version_ids, &i.version_ids)
            && any_in(&self.milestone_ids, &i.milestone_ids)
            && any_of(&self.status_ids, i.status_id)
            && any_of(&self.priority_ids, i.priority_id)
            && any_opt(&self.assignee_ids, i.assignee_id)
            && any_of(&self.created_user_ids, i.created_user_id)
            && any_opt(&self.resolution_ids, i.resolution_id)
            && any_opt(&self.parent_issue_ids, i.parent_issue_id)
            && any_of(&self.ids, i.id)
            && self
                .attachment
                .is_none_or(|want| want == has_attachments(i))
            && self
                .has_due_date
                .is_none_or(|want| want == i.due_date.is_some())
            && self.created.contains(Some(i.created.date_naive()))
            && self.updated.contains(Some(i.updated.date_naive()))
            && self.start_date.contains(i.start_date)
            && self.due_date.contains(i.due_date)
            && self.keyword.as_ref().is_none_or(|k| {
                i.summary.to_lowercase().contains(k.as_str())
                    || i.description.to_lowercase().contains(k.as_str())
            })
            && self.custom.iter().all(|f| f.matches(i))
    }
}

fn has_attachments(issue: &Issue) -> bool {
    !issue.attachments.is_empty()
}

/// What `sort=` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    IssueType,
    Category,
    Version,
    Milestone,
    Summary,
    Status,
    Priority,
    Attachment,
    Created,
    CreatedUser,
    Updated,
    UpdatedUser,
    Assignee,
    StartDate,
    DueDate,
    EstimatedHours,
    ActualHours,
    ChildIssue,
    /// `customField_{id}`.
    CustomField(i64),
}

impl SortKey {
    fn parse(name: &str) -> Option<SortKey> {
        if let Some(id) = name.strip_prefix("customField_") {
            return id.parse().ok().map(SortKey::CustomField);
        }
        Some(match name {
            "issueType" => SortKey::IssueType,
            "category" => SortKey::Category,
            "version" => SortKey::Version,
            "milestone" => SortKey::Milestone,
            "summary" => SortKey::Summary,
            "status" => SortKey::Status,
            "priority" => SortKey::Priority,
            "attachment" => SortKey::Attachment,
            "created" => SortKey::Created,
            "createdUser" => SortKey::CreatedUser,
            "updated" => SortKey::Updated,
            "updatedUser" => SortKey::UpdatedUser,
            "assignee" => SortKey::Assignee,
            "startDate" => SortKey::StartDate,
            "dueDate" => SortKey::DueDate,
            "estimatedHours" => SortKey::EstimatedHours,
            "actualHours" => SortKey::ActualHours,
            "childIssue" => SortKey::ChildIssue,
            _ => return None,
        })
    }
}

/// A whole `GET /issues` request: filter plus sort, order and the page window.
#[derive(Debug, Clone)]
pub struct IssueQuery {
    pub filter: IssueFilter,
    pub sort: SortKey,
    pub ascending: bool,
    pub offset: usize,
    pub count: usize,
}

impl IssueQuery {
    /// Defaults: `sort=updated`, `order=desc`, `offset=0`, `count=20`; `count` outside
    /// 1–100 or a negative `offset` is a 400.
    pub fn parse(q: &QueryParams) -> Result<IssueQuery, ApiError> {
        let sort = match q.get("sort") {
            None => SortKey::Updated,
            Some(name) => SortKey::parse(name)
                .ok_or_else(|| ApiError::invalid(format!("sort has an unknown value: {name}")))?,
        };
        Ok(IssueQuery {
            filter: IssueFilter::parse(q)?,
            sort,
            ascending: q.ascending()?,
            offset: q.int_in("offset", 0, i64::MAX)?.unwrap_or(0) as usize,
            count: q.int_in("count", 1, 100)?.unwrap_or(20) as usize,
        })
    }

    /// The requested page of matching issues.
    pub fn page<'a>(&self, space: &'a Space) -> Vec<&'a Issue> {
        let mut issues = self.filter.select(space);
        let mut children: HashMap<i64, usize> = HashMap::new();
        if self.sort == SortKey::ChildIssue {
            for parent in space.issues.iter().filter_map(|i| i.parent_issue_id) {
                *children.entry(parent).or_default() += 1;
            }
        }
        // Ties are broken by id, in the same direction, so pages never overlap.
        issues.sort_by(|a, b| {
            let ord = compare(space, &children, self.sort, a, b).then(a.id.cmp(&b.id));
            if self.ascending { ord } else { ord.reverse() }
        });
        issues
            .into_iter()
            .skip(self.offset)
            .take(self.count)
            .collect()
    }
}

/// Orders two issues by a sort key (ascending). Missing values sort first.
///
/// Statuses and issue types sort by their display order, priorities by importance
/// (Low < Normal < High, so `desc` lists High first), users by name, list-valued
/// attributes (category, version, milestone) by their first entry's display order,
/// `childIssue` by the number of children.
fn compare(
    space: &Space,
    children: &HashMap<i64, usize>,
    key: SortKey,
    a: &Issue,
    b: &Issue,
) -> Ordering {
    let project = |i: &Issue| space.project(i.project_id);
    let status_order = |i: &Issue| {
        project(i)
            .and_then(|p| p.status(i.status_id))
            .map(|s| s.display_order)
    };
    let type_order = |i: &Issue| {
        project(i)
            .and_then(|p| p.issue_type(i.issue_type_id))
            .map(|t| t.display_order)
    };
    let user_name = |id: Option<i64>| id.and_then(|id| space.user(id)).map(|u| u.name.as_str());
    let first_category = |i: &Issue| {
        i.category_ids
            .first()
            .and_then(|&c| project(i).and_then(|p| p.category(c)))
            .map(|c| (c.display_order, c.id))
    };
    let first_version = |i: &Issue, ids: &[i64]| {
        ids.first()
            .and_then(|&v| project(i).and_then(|p| p.version(v)))
            .map(|v| (v.display_order, v.id))
    };
    // 2 High, 3 Normal, 4 Low: a smaller id is more important.
    let importance = |i: &Issue| -i.priority_id;
    let hours = |h: Option<f64>| h.map(|h| (h * 1000.0) as i64);
    match key {
        SortKey::IssueType => type_order(a).cmp(&type_order(b)),
        SortKey::Category => first_category(a).cmp(&first_category(b)),
        SortKey::Version => first_version(a, &a.version_ids).cmp(&first_version(b, &b.version_ids)),
        SortKey::Milestone => {
            first_version(a, &a.milestone_ids).cmp(&first_version(b, &b.milestone_ids))
        }
        SortKey::Summary => a.summary.cmp(&b.summary),
        SortKey::Status => status_order(a).cmp(&status_order(b)),
        SortKey::Priority => importance(a).cmp(&importance(b)),
        SortKey::Attachment => a.attachments.len().cmp(&b.attachments.len()),
        SortKey::Created => a.created.cmp(&b.created),
        SortKey::CreatedUser => {
            user_name(Some(a.created_user_id)).cmp(&user_name(Some(b.created_user_id)))
        }
        SortKey::Updated => a.updated.cmp(&b.updated),
        SortKey::UpdatedUser => {
            user_name(Some(a.updated_user_id)).cmp(&user_name(Some(b.updated_user_id)))
        }
        SortKey::Assignee => user_name(a.assignee_id).cmp(&user_name(b.assignee_id)),
        SortKey::StartDate => a.start_date.cmp(&b.start_date),
        SortKey::DueDate => a.due_date.cmp(&b.due_date),
        SortKey::EstimatedHours => hours(a.estimated_hours).cmp(&hours(b.estimated_hours)),
        SortKey::ActualHours => hours(a.actual_hours).cmp(&hours(b.actual_hours)),
        SortKey::ChildIssue => children.get(&a.id).cmp(&children.get(&b.id)),
        SortKey::CustomField(id) => custom_sort_value(a, id)
            .partial_cmp(&custom_sort_value(b, id))
            .unwrap_or(Ordering::Equal),
    }
}

/// A custom field value made comparable: numbers, dates (as day numbers), item ids
/// (first of a multiple list) or text; missing values sort first.
#[derive(Debug, PartialEq, PartialOrd)]
enum CustomSortValue {
    Number(f64),
    Text(String),
}

fn custom_sort_value(issue: &Issue, field_id: i64) -> Option<CustomSortValue> {
    let (_, value) = issue.custom_fields.iter().find(|(id, _)| *id == field_id)?;
    match value {
        CustomValue::Text(t) => t.clone().map(CustomSortValue::Text),
        CustomValue::Numeric(n) => n.map(CustomSortValue::Number),
        CustomValue::Date(d) => d.map(|d| CustomSortValue::Number(f64::from(d.num_days_from_ce()))),
        CustomValue::SingleList(i) => i.map(|i| CustomSortValue::Number(i as f64)),
        CustomValue::MultipleList(ids) => ids.first().map(|&i| CustomSortValue::Number(i as f64)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(space: &Space, query: &str) -> Vec<String> {
        let q = IssueQuery::parse(&QueryParams::parse(query)).unwrap();
        q.page(space)
            .into_iter()
            .map(|i| space.issue_key(i))
            .collect()
    }

    #[test]
    fn or_within_and_across_parameters() {
        let space = Space::demo();
        let both = keys(
            &space,
            "statusId[]=1&statusId[]=2&projectId[]=1073900200&count=100",
        );
        assert!(!both.is_empty());
        for key in &both {
            let i = space.issue_by_id_or_key(key).unwrap();
            assert!(i.status_id == 1 || i.status_id == 2);
            assert!(key.starts_with("APP-"));
        }
    }

    #[test]
    fn default_sort_is_updated_desc() {
        let space = Space::demo();
        let q = IssueQuery::parse(&QueryParams::parse("count=100")).unwrap();
        let page = q.page(&space);
        assert_eq!(page.len(), 30);
        assert!(page.windows(2).all(|w| w[0].updated >= w[1].updated));
    }

    #[test]
    fn parent_child() {
        let space = Space::demo();
        assert_eq!(
            keys(&space, "parentChild=4&sort=created&order=asc"),
            ["WEB-1", "WEB-12", "APP-1"]
        );
        assert_eq!(keys(&space, "parentChild=2&count=100").len(), 7);
        assert!(IssueQuery::parse(&QueryParams::parse("parentChild=5")).is_err());
    }
}
