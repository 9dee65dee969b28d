//! The issue filter parameters of `get_issues` and `count_issues` (the official
//! server's names), with names accepted for every id, resolved into an
//! [`IssueFilter`] narrowed to the allowed projects.

use super::custom_field_args::{CustomFieldFilterArg, resolve_filters};
use crate::app::context::AppContext;
use crate::app::tooling::validate::date_range;
use crate::app::tooling::{IdOrName, ToolError, listed};
use crate::domain::issue_filter::{IssueFilter, ParentChild};
use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct IssueFilterArgs {
    /// Projects, by id, key (WEB) or name.
    #[serde(default)]
    pub project_id: Option<Vec<IdOrName>>,
    /// Issue types, by id or name (e.g. "Bug").
    #[serde(default)]
    pub issue_type_id: Option<Vec<IdOrName>>,
    /// Categories, by id or name.
    #[serde(default)]
    pub category_id: Option<Vec<IdOrName>>,
    /// Affected versions, by id or name.
    #[serde(default)]
    pub version_id: Option<Vec<IdOrName>>,
    /// Milestones, by id or name (e.g. "Sprint 42").
    #[serde(default)]
    pub milestone_id: Option<Vec<IdOrName>>,
    /// Statuses, by id or name ("Open", "In Progress", "処理中"; custom statuses too).
    #[serde(default)]
    pub status_id: Option<Vec<IdOrName>>,
    /// Priorities, by id (2 High, 3 Normal, 4 Low) or name.
    #[serde(default)]
    pub priority_id: Option<Vec<IdOrName>>,
    /// Assignees, by id, login id, name, or "me".
    #[serde(default)]
    pub assignee_id: Option<Vec<IdOrName>>,
    /// Creators, by id, login id, name, or "me".
    #[serde(default)]
    pub created_user_id: Option<Vec<IdOrName>>,
    /// Resolutions, by id (0 Fixed, 1 Won't Fix, 2 Invalid, 3 Duplication, 4 Cannot Reproduce) or name.
    #[serde(default)]
    pub resolution_id: Option<Vec<IdOrName>>,
    /// Parent issues, by id or key, to list their children.
    #[serde(default)]
    pub parent_issue_id: Option<Vec<IdOrName>>,
    /// Words to find in summaries and descriptions (matched literally).
    #[serde(default)]
    pub keyword: Option<String>,
    /// 0 all, 1 not child issues, 2 child issues only, 3 neither parent nor child, 4 parent issues only.
    #[serde(default)]
    pub parent_child: Option<i64>,
    /// Start date on or after this day, YYYY-MM-DD.
    #[serde(default)]
    pub start_date_since: Option<String>,
    /// Start date on or before this day, YYYY-MM-DD.
    #[serde(default)]
    pub start_date_until: Option<String>,
    /// Due date on or after this day, YYYY-MM-DD.
    #[serde(default)]
    pub due_date_since: Option<String>,
    /// Due date on or before this day, YYYY-MM-DD.
    #[serde(default)]
    pub due_date_until: Option<String>,
    /// Created on or after this day, YYYY-MM-DD.
    #[serde(default)]
    pub created_since: Option<String>,
    /// Created on or before this day, YYYY-MM-DD.
    #[serde(default)]
    pub created_until: Option<String>,
    /// Updated on or after this day, YYYY-MM-DD.
    #[serde(default)]
    pub updated_since: Option<String>,
    /// Updated on or before this day, YYYY-MM-DD.
    #[serde(default)]
    pub updated_until: Option<String>,
    /// Conditions on custom fields (field by id or name; list items by id or name).
    #[serde(default)]
    pub custom_fields: Option<Vec<CustomFieldFilterArg>>,
}

impl IssueFilterArgs {
    /// The filter, with names resolved (the ports narrow it to the allowed projects).
    pub async fn to_filter(&self, app: &AppContext) -> Result<IssueFilter, ToolError> {
        let resolver = app.resolver();
        let project_ids = resolver
            .project_ids("projectId", listed(&self.project_id))
            .await?;
        let projects = project_ids.as_slice();
        let parent_child = self
            .parent_child
            .map(|code| {
                ParentChild::from_code(code).ok_or_else(|| {
                    ToolError::argument("parentChild", format!("{code} is not 0 to 4"))
                })
            })
            .transpose()?;
        let filter = IssueFilter {
            issue_type_ids: resolver
                .issue_types("issueTypeId", projects, listed(&self.issue_type_id))
                .await?,
            category_ids: resolver
                .categories("categoryId", projects, listed(&self.category_id))
                .await?,
            version_ids: resolver
                .versions("versionId", projects, listed(&self.version_id))
                .await?,
            milestone_ids: resolver
                .versions("milestoneId", projects, listed(&self.milestone_id))
                .await?,
            status_ids: resolver
                .statuses("statusId", projects, listed(&self.status_id))
                .await?,
            priority_ids: resolver
                .priorities("priorityId", listed(&self.priority_id))
                .await?,
            assignee_ids: resolver
                .users("assigneeId", listed(&self.assignee_id))
                .await?,
            created_user_ids: resolver
                .users("createdUserId", listed(&self.created_user_id))
                .await?,
            resolution_ids: resolver
                .resolutions("resolutionId", listed(&self.resolution_id))
                .await?,
            parent_issue_ids: resolver
                .issue_ids("parentIssueId", listed(&self.parent_issue_id))
                .await?,
            keyword: self.keyword.clone().filter(|k| !k.trim().is_empty()),
            parent_child,
            start_date: date_range(
                ("startDateSince", self.start_date_since.as_deref()),
                ("startDateUntil", self.start_date_until.as_deref()),
            )?,
            due_date: date_range(
                ("dueDateSince", self.due_date_since.as_deref()),
                ("dueDateUntil", self.due_date_until.as_deref()),
            )?,
            created: date_range(
                ("createdSince", self.created_since.as_deref()),
                ("createdUntil", self.created_until.as_deref()),
            )?,
            updated: date_range(
                ("updatedSince", self.updated_since.as_deref()),
                ("updatedUntil", self.updated_until.as_deref()),
            )?,
            custom_fields: resolve_filters(
                app,
                projects,
                self.custom_fields.as_deref().unwrap_or_default(),
            )
            .await?,
            project_ids,
            ..IssueFilter::default()
        };
        Ok(filter)
    }
}
