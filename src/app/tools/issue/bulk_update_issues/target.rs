//! One field's wanted value in a bulk update, resolved in the issue's
//! project: whether the issue already has it, its old and new names, and its
//! place in the update.

use crate::app::context::AppContext;
use crate::app::tooling::ToolError;
use crate::domain::calendar_date::CalendarDate;
use crate::domain::changes::{Change, IssueUpdate};
use crate::domain::ids::{
    CategoryId, PriorityId, ProjectId, ResolutionId, StatusId, UserId, VersionId,
};
use crate::domain::issue::{Issue, Named};
use std::collections::BTreeSet;

pub enum Target {
    Status(StatusId),
    Assignee(Option<UserId>),
    Priority(PriorityId),
    Resolution(Option<ResolutionId>),
    StartDate(Option<CalendarDate>),
    DueDate(Option<CalendarDate>),
    Milestones(Vec<VersionId>),
    Categories(Vec<CategoryId>),
}

impl Target {
    /// The field's name in the answer's changes.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Status(_) => "status",
            Self::Assignee(_) => "assignee",
            Self::Priority(_) => "priority",
            Self::Resolution(_) => "resolution",
            Self::StartDate(_) => "startDate",
            Self::DueDate(_) => "dueDate",
            Self::Milestones(_) => "milestones",
            Self::Categories(_) => "categories",
        }
    }

    /// Whether the issue already has this value: then nothing is written.
    pub fn is_current(&self, issue: &Issue) -> bool {
        match self {
            Self::Status(id) => *id == issue.status.id,
            Self::Assignee(id) => *id == issue.assignee.as_ref().map(|a| a.id),
            Self::Priority(id) => issue.priority.as_ref().map(|p| p.id) == Some(*id),
            Self::Resolution(id) => issue.resolution.as_ref().map(|r| r.id) == *id,
            Self::StartDate(day) => *day == issue.start_date,
            Self::DueDate(day) => *day == issue.due_date,
            Self::Milestones(ids) => same_ids(ids, &issue.milestones),
            Self::Categories(ids) => same_ids(ids, &issue.categories),
        }
    }

    /// The issue's value, by name.
    pub fn current_name(&self, issue: &Issue) -> Option<String> {
        match self {
            Self::Status(_) => Some(issue.status.name.clone()),
            Self::Assignee(_) => issue.assignee.as_ref().map(|a| a.name.clone()),
            Self::Priority(_) => issue.priority.as_ref().map(|p| p.name.clone()),
            Self::Resolution(_) => issue.resolution.as_ref().map(|r| r.name.clone()),
            Self::StartDate(_) => issue.start_date.map(|d| d.to_string()),
            Self::DueDate(_) => issue.due_date.map(|d| d.to_string()),
            Self::Milestones(_) => non_empty(names_text(&issue.milestones)),
            Self::Categories(_) => non_empty(names_text(&issue.categories)),
        }
    }

    /// The wanted value, by name (as the project's vocabulary names it).
    pub async fn name(
        &self,
        app: &AppContext,
        project: ProjectId,
    ) -> Result<Option<String>, ToolError> {
        let metadata = &app.metadata;
        Ok(match self {
            Self::Status(id) => metadata
                .statuses(project)
                .await?
                .iter()
                .find(|s| s.id == *id)
                .map(|s| s.name.clone())
                .or(Some(id.to_string())),
            Self::Assignee(None) | Self::Resolution(None) => None,
            Self::Assignee(Some(id)) => metadata
                .users()
                .await?
                .iter()
                .find(|u| u.id == *id)
                .map(|u| u.name.clone())
                .or(Some(id.to_string())),
            Self::Priority(id) => metadata
                .priorities()
                .await?
                .iter()
                .find(|p| p.id == *id)
                .map(|p| p.name.clone()),
            Self::Resolution(Some(id)) => metadata
                .resolutions()
                .await?
                .iter()
                .find(|r| r.id == *id)
                .map(|r| r.name.clone()),
            Self::StartDate(day) | Self::DueDate(day) => day.map(|d| d.to_string()),
            Self::Milestones(ids) => {
                let versions = metadata.versions(project).await?;
                let names = ids.iter().filter_map(|id| {
                    versions
                        .iter()
                        .find(|v| v.id == *id)
                        .map(|v| v.name.clone())
                });
                non_empty(names.collect::<Vec<_>>().join(", "))
            }
            Self::Categories(ids) => {
                let categories = metadata.categories(project).await?;
                let names = ids.iter().filter_map(|id| {
                    categories
                        .iter()
                        .find(|c| c.id == *id)
                        .map(|c| c.name.clone())
                });
                non_empty(names.collect::<Vec<_>>().join(", "))
            }
        })
    }

    /// Puts the value in the update.
    pub fn record(self, update: &mut IssueUpdate) {
        match self {
            Self::Status(id) => update.status_id = Some(id),
            Self::Assignee(id) => update.assignee_id = Change::from_option(id),
            Self::Priority(id) => update.priority_id = Some(id),
            Self::Resolution(id) => update.resolution_id = Change::from_option(id),
            Self::StartDate(day) => update.start_date = Change::from_option(day),
            Self::DueDate(day) => update.due_date = Change::from_option(day),
            Self::Milestones(ids) => update.milestone_ids = Some(ids),
            Self::Categories(ids) => update.category_ids = Some(ids),
        }
    }
}

/// Whether two lists hold the same ids, in any order.
fn same_ids<I: Copy + Ord>(wanted: &[I], current: &[Named<I>]) -> bool {
    wanted.iter().copied().collect::<BTreeSet<_>>() == current.iter().map(|n| n.id).collect()
}

fn names_text<I>(named: &[Named<I>]) -> String {
    named
        .iter()
        .map(|n| n.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn non_empty(text: String) -> Option<String> {
    Some(text).filter(|s| !s.is_empty())
}
