//! `get_user_issue_list`: every issue assigned to someone (by default: me) that
//! is still open, from the original Python server, same parameters. Unlike the
//! original it returns all matches, not the first 100.

use crate::app::context::AppContext;
use crate::app::issue_scan::scan_issues;
use crate::app::tooling::validate::{date_range, ids, zone};
use crate::app::tooling::{ToolError, ToolInfo, structured_tool};
use crate::app::views::{IssueSummary, ViewContext, parent_keys};
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::{IssueId, ProjectId, StatusId, UserId, VersionId};
use crate::domain::issue::Issue;
use crate::domain::issue_filter::IssueFilter;
use crate::ports::{CatalogEntry, ProjectRef, ToolAnnotations, ToolContext};
use futures::{StreamExt, TryStreamExt, stream};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::sync::Arc;

const INFO: ToolInfo = ToolInfo {
    name: "get_user_issue_list",
    title: "List a user's open issues",
    description: "List ALL issues assigned to a user that match the filters, most recently \
        updated first. With no arguments: the current user's issues in every status except \
        Closed, across all projects. Use it for \"what am I working on\", \"what is on Taro's \
        plate\", or issues due or updated in a period. Every match is returned, however many \
        (paged through Backlog behind the scenes). Dates are YYYY-MM-DD and inclusive.",
    annotations: ToolAnnotations::READ,
};

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetUserIssueListArgs {
    /// Numeric project ids to search in. Default: every project you have joined.
    #[serde(default)]
    pub project_ids: Option<Vec<i64>>,
    /// Numeric user ids of assignees. Default: the current user (USER_ID, or the API key's owner).
    #[serde(default)]
    pub assignee_ids: Option<Vec<i64>>,
    /// Numeric status ids (1 Open, 2 In Progress, 3 Resolved, 4 Closed, larger ids are
    /// custom statuses). Default: every status except Closed, custom statuses included.
    #[serde(default)]
    pub status_ids: Option<Vec<i64>>,
    /// Numeric milestone ids.
    #[serde(default)]
    pub milestone_ids: Option<Vec<i64>>,
    /// Numeric ids of parent issues, to list their child issues.
    #[serde(default)]
    pub parent_issue_ids: Option<Vec<i64>>,
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
    /// IANA timezone for created/updated times, e.g. "Asia/Tokyo". Defaults to the
    /// server's timezone (UTC unless BACKLOG_TIMEZONE says otherwise).
    #[serde(default)]
    pub timezone: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct UserIssueList {
    /// How many issues matched; all of them are in `issues`.
    pub total: usize,
    /// The assignees searched for (numeric user ids).
    pub assignee_ids: Vec<i64>,
    /// The statuses searched for (numeric status ids).
    pub status_ids: Vec<i64>,
    /// The timezone times are given in.
    pub timezone: String,
    /// Most recently updated first.
    pub issues: Vec<IssueSummary>,
    /// Present when issues kept changing while they were fetched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

pub fn tool(app: Arc<AppContext>) -> CatalogEntry {
    structured_tool(
        INFO,
        move |args: GetUserIssueListArgs, context: ToolContext| {
            let app = app.clone();
            async move { get_user_issue_list(&app, args, &context).await }
        },
    )
}

pub async fn get_user_issue_list(
    app: &AppContext,
    args: GetUserIssueListArgs,
    context: &ToolContext,
) -> Result<UserIssueList, ToolError> {
    let zone = zone(args.timezone.as_deref(), app.default_zone)?;
    let mut filter = IssueFilter {
        project_ids: ids("project_ids", args.project_ids.as_deref(), ProjectId::new)?,
        assignee_ids: ids("assignee_ids", args.assignee_ids.as_deref(), UserId::new)?,
        status_ids: ids("status_ids", args.status_ids.as_deref(), StatusId::new)?,
        milestone_ids: ids(
            "milestone_ids",
            args.milestone_ids.as_deref(),
            VersionId::new,
        )?,
        parent_issue_ids: ids(
            "parent_issue_ids",
            args.parent_issue_ids.as_deref(),
            IssueId::new,
        )?,
        created: date_range(
            ("created_since", args.created_since.as_deref()),
            ("created_until", args.created_until.as_deref()),
        )?,
        updated: date_range(
            ("updated_since", args.updated_since.as_deref()),
            ("updated_until", args.updated_until.as_deref()),
        )?,
        start_date: date_range(
            ("start_date_since", args.start_date_since.as_deref()),
            ("start_date_until", args.start_date_until.as_deref()),
        )?,
        due_date: date_range(
            ("due_date_since", args.due_date_since.as_deref()),
            ("due_date_until", args.due_date_until.as_deref()),
        )?,
        ..IssueFilter::default()
    };
    if filter.assignee_ids.is_empty() {
        filter.assignee_ids = vec![current_user(app).await?];
    }
    if filter.status_ids.is_empty() {
        filter.status_ids = open_statuses(app, &filter.project_ids).await?;
    }
    let scan = scan_issues(app.backlog.issues.as_ref(), &filter, app.scan, context).await?;
    let mut issues = scan.issues;
    issues.sort_by(|a, b| updated(b).cmp(&updated(a)).then(b.id.cmp(&a.id)));
    let parents = parent_keys(app.backlog.issues.as_ref(), &issues).await?;
    let view = ViewContext {
        zone,
        web_base_url: &app.web_base_url,
        parent_keys: &parents,
    };
    Ok(UserIssueList {
        total: issues.len(),
        assignee_ids: filter.assignee_ids.iter().map(|u| u.get()).collect(),
        status_ids: filter.status_ids.iter().map(|s| s.get()).collect(),
        timezone: zone.name().to_owned(),
        issues: issues.iter().map(|i| IssueSummary::new(i, &view)).collect(),
        note: (!scan.settled).then(|| {
            "issues were being added or removed while this list was fetched; \
             call again for a settled answer"
                .to_owned()
        }),
    })
}

fn updated(issue: &Issue) -> chrono::DateTime<chrono::Utc> {
    issue.updated.unwrap_or(issue.created)
}

/// `USER_ID` when configured, else the owner of the API key.
async fn current_user(app: &AppContext) -> Result<UserId, BacklogError> {
    match app.configured_user {
        Some(user) => Ok(user),
        None => Ok(app.backlog.users.myself().await?.id),
    }
}

/// Every status of the projects (all joined projects when none are given)
/// except Closed, custom statuses included.
async fn open_statuses(
    app: &AppContext,
    project_ids: &[ProjectId],
) -> Result<Vec<StatusId>, BacklogError> {
    let projects: Vec<ProjectRef> = if project_ids.is_empty() {
        app.backlog
            .projects
            .projects()
            .await?
            .into_iter()
            .map(|p| ProjectRef::Id(p.id))
            .collect()
    } else {
        project_ids.iter().map(|id| ProjectRef::Id(*id)).collect()
    };
    let repo = app.backlog.projects.as_ref();
    let per_project: Vec<Vec<_>> = stream::iter(projects)
        .map(|project| async move { repo.statuses(&project).await })
        .buffered(app.scan.concurrency.max(1))
        .try_collect()
        .await?;
    let open: BTreeSet<StatusId> = per_project
        .into_iter()
        .flatten()
        .filter(|s| !s.is_closed())
        .map(|s| s.id)
        .collect();
    Ok(open.into_iter().collect())
}
