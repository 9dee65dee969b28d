//! Backlog's issue filter semantics: values of one parameter are alternatives
//! (OR), different parameters must all hold (AND), date bounds are inclusive
//! days, the keyword matches summary or description case-insensitively.

use crate::domain::calendar_date::{CalendarDate, DateRange};
use crate::domain::ids::IssueId;
use crate::domain::issue::{CustomFieldContent, Issue};
use crate::domain::issue_filter::{CustomFieldCondition, IssueFilter, ParentChild};
use chrono::{DateTime, Utc};
use std::collections::HashSet;

/// Decides which issues a filter selects; `parents` are the ids of issues with children.
pub struct IssueMatcher<'a> {
    filter: &'a IssueFilter,
    parents: &'a HashSet<IssueId>,
    keyword: Option<String>,
}

impl<'a> IssueMatcher<'a> {
    pub fn new(filter: &'a IssueFilter, parents: &'a HashSet<IssueId>) -> Self {
        let keyword = filter
            .keyword
            .as_deref()
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(str::to_lowercase);
        Self {
            filter,
            parents,
            keyword,
        }
    }

    pub fn matches(&self, issue: &Issue) -> bool {
        let f = self.filter;
        any_of(&f.project_ids, &[issue.project_id])
            && any_of(&f.issue_type_ids, &[issue.issue_type.id])
            && any_of(&f.category_ids, &ids(&issue.categories))
            && any_of(&f.version_ids, &ids(&issue.versions))
            && any_of(&f.milestone_ids, &ids(&issue.milestones))
            && any_of(&f.status_ids, &[issue.status.id])
            && any_of(&f.priority_ids, &opt(issue.priority.as_ref().map(|p| p.id)))
            && any_of(&f.assignee_ids, &opt(issue.assignee.as_ref().map(|a| a.id)))
            && any_of(
                &f.created_user_ids,
                &opt(issue.created_user.as_ref().map(|u| u.id)),
            )
            && any_of(
                &f.resolution_ids,
                &opt(issue.resolution.as_ref().map(|r| r.id)),
            )
            && any_of(&f.parent_issue_ids, &opt(issue.parent_issue_id))
            && any_of(&f.issue_ids, &[issue.id])
            && self.keyword_matches(issue)
            && self.parent_child_matches(issue)
            && f.has_attachment
                .is_none_or(|wanted| wanted != issue.attachments.is_empty())
            && f.has_shared_file.is_none_or(|wanted| !wanted)
            && instant_within(issue.created, &f.created)
            && issue.updated.is_some_or_open(&f.updated)
            && day_within(issue.start_date, &f.start_date)
            && day_within(issue.due_date, &f.due_date)
            && f.custom_fields
                .iter()
                .all(|c| custom_field_matches(issue, c))
    }

    fn keyword_matches(&self, issue: &Issue) -> bool {
        let Some(keyword) = &self.keyword else {
            return true;
        };
        issue.summary.to_lowercase().contains(keyword)
            || issue.description.to_lowercase().contains(keyword)
            || issue.key.to_string().to_lowercase() == *keyword
    }

    fn parent_child_matches(&self, issue: &Issue) -> bool {
        let is_child = issue.parent_issue_id.is_some();
        let is_parent = self.parents.contains(&issue.id);
        match self.filter.parent_child {
            None | Some(ParentChild::All) => true,
            Some(ParentChild::ExcludeChildren) => !is_child,
            Some(ParentChild::ChildrenOnly) => is_child,
            Some(ParentChild::NeitherParentNorChild) => !is_child && !is_parent,
            Some(ParentChild::ParentsOnly) => is_parent,
        }
    }
}

fn any_of<T: PartialEq>(wanted: &[T], present: &[T]) -> bool {
    wanted.is_empty() || present.iter().any(|p| wanted.contains(p))
}

fn ids<I: Copy>(named: &[crate::domain::issue::Named<I>]) -> Vec<I> {
    named.iter().map(|n| n.id).collect()
}

fn opt<T>(value: Option<T>) -> Vec<T> {
    value.into_iter().collect()
}

fn instant_within(instant: DateTime<Utc>, range: &DateRange) -> bool {
    range.contains(CalendarDate::from_naive(instant.date_naive()))
}

fn day_within(day: Option<CalendarDate>, range: &DateRange) -> bool {
    match day {
        Some(day) => range.contains(day),
        None => range.is_open(),
    }
}

trait OptionalInstant {
    fn is_some_or_open(&self, range: &DateRange) -> bool;
}

impl OptionalInstant for Option<DateTime<Utc>> {
    fn is_some_or_open(&self, range: &DateRange) -> bool {
        match self {
            Some(instant) => instant_within(*instant, range),
            None => range.is_open(),
        }
    }
}

fn custom_field_matches(issue: &Issue, condition: &CustomFieldCondition) -> bool {
    let field_id = match condition {
        CustomFieldCondition::Text { id, .. }
        | CustomFieldCondition::Numeric { id, .. }
        | CustomFieldCondition::Date { id, .. }
        | CustomFieldCondition::Items { id, .. } => *id,
    };
    let Some(value) = issue.custom_fields.iter().find(|v| v.id == field_id) else {
        return false;
    };
    match (condition, &value.value) {
        (CustomFieldCondition::Text { keyword, .. }, CustomFieldContent::Text(text)) => {
            text.to_lowercase().contains(&keyword.to_lowercase())
        }
        (CustomFieldCondition::Numeric { min, max, .. }, CustomFieldContent::Number(n)) => {
            min.is_none_or(|m| *n >= m) && max.is_none_or(|m| *n <= m)
        }
        (CustomFieldCondition::Date { range, .. }, CustomFieldContent::Date(day)) => {
            range.contains(*day)
        }
        (CustomFieldCondition::Items { item_ids, .. }, CustomFieldContent::Items(items)) => {
            items.iter().any(|item| item_ids.contains(&item.id))
        }
        _ => false,
    }
}
