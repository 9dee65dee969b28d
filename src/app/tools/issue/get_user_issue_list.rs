//! `get_user_issue_list`: every issue assigned to someone (by default: me) that
//! is still open, from the original Python server, same parameters. Unlike the
//! original it returns all matches, not the first 100.

use crate::app::context::AppContext;
use crate::app::issue_scan::{ScanNeeds, ScanResult, scan_issues};
use crate::app::tooling::annotations::READS;
use crate::app::tooling::validate::date_range;
use crate::app::tooling::{
    AppTool, FieldSelection, IdOrName, ListSpec, Paging, Projected, ToolError, ToolInfo, ToolKit,
    Toolset, Truncation, listed,
};
use crate::app::tools::register::register;
use crate::app::views::IssueView;
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::{ProjectId, StatusId};
use crate::domain::issue::Issue;
use crate::domain::issue_filter::IssueFilter;
use crate::ports::ToolContext;
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
        (paged through Backlog behind the scenes). Ids may also be given as names (project \
        keys, status names, user names or \"me\"). Dates are YYYY-MM-DD and inclusive.",
    annotations: READS,
    toolset: Toolset::Issue,
    list: Some(ListSpec {
        items: "issues",
        paging: Paging::Whole,
    }),
};

#[derive(Debug, Default, Deserialize, JsonSchema)]
pub struct GetUserIssueListArgs {
    /// Projects to search in (ids, keys or names). Default: every project you have joined.
    #[serde(default)]
    pub project_ids: Option<Vec<IdOrName>>,
    /// Assignees (ids, login ids, names, or "me"). Default: the current user (USER_ID, or the API key's owner).
    #[serde(default)]
    pub assignee_ids: Option<Vec<IdOrName>>,
    /// Statuses (ids or names: 1 Open, 2 In Progress, 3 Resolved, 4 Closed, larger ids are
    /// custom statuses). Default: every status except Closed, custom statuses included.
    #[serde(default)]
    pub status_ids: Option<Vec<IdOrName>>,
    /// Milestones (ids or names).
    #[serde(default)]
    pub milestone_ids: Option<Vec<IdOrName>>,
    /// Parent issues (ids or keys), to list their child issues.
    #[serde(default)]
    pub parent_issue_ids: Option<Vec<IdOrName>>,
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
    pub issues: Vec<Projected<IssueView>>,
    /// Present when issues kept changing while they were fetched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Set when the list was cut to fit the answer budget.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub truncated: Option<Truncation>,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, INFO, get_user_issue_list)
}

pub async fn get_user_issue_list(
    app: Arc<AppContext>,
    args: GetUserIssueListArgs,
    context: ToolContext,
) -> Result<UserIssueList, ToolError> {
    let zone = app.zone(args.timezone.as_deref())?;
    let resolver = app.resolver();
    let project_ids = resolver
        .project_ids("project_ids", listed(&args.project_ids))
        .await?;
    let mut filter = IssueFilter {
        assignee_ids: resolver
            .users("assignee_ids", listed(&args.assignee_ids))
            .await?,
        status_ids: resolver
            .statuses("status_ids", &project_ids, listed(&args.status_ids))
            .await?,
        milestone_ids: resolver
            .versions("milestone_ids", &project_ids, listed(&args.milestone_ids))
            .await?,
        parent_issue_ids: resolver
            .issue_ids("parent_issue_ids", listed(&args.parent_issue_ids))
            .await?,
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
        project_ids,
        ..IssueFilter::default()
    };
    if filter.assignee_ids.is_empty() {
        filter.assignee_ids = vec![resolver.me().await?];
    }
    if filter.status_ids.is_empty() {
        filter.status_ids = open_statuses(&app, &filter.project_ids).await?;
    }
    // No open status anywhere (no projects) means no issues, not "any status".
    let scan = if filter.status_ids.is_empty() {
        ScanResult {
            issues: Vec::new(),
            settled: true,
            keys: Default::default(),
        }
    } else {
        let repo = app.backlog.issues.as_ref();
        scan_issues(repo, &filter, app.scan, &context, ScanNeeds::ParentKeys).await?
    };
    let mut issues = scan.issues;
    issues.sort_by(|a, b| updated(b).cmp(&updated(a)).then(b.id.cmp(&a.id)));
    let view = app.view(zone, &scan.keys);
    // What the original server answered with: a list's compact fields and when
    // each issue was created.
    let fields = FieldSelection::defaults_and::<IssueView>(&["created"]);
    Ok(UserIssueList {
        total: issues.len(),
        assignee_ids: filter.assignee_ids.iter().map(|u| u.get()).collect(),
        status_ids: filter.status_ids.iter().map(|s| s.get()).collect(),
        timezone: zone.name().to_owned(),
        issues: fields.project(issues.iter(), |i| IssueView::new(i, &view)),
        note: (!scan.settled).then(|| {
            "issues were being added or removed while this list was fetched; \
             call again for a settled answer"
                .to_owned()
        }),
        truncated: None,
    })
}

fn updated(issue: &Issue) -> chrono::DateTime<chrono::Utc> {
    issue.updated.unwrap_or(issue.created)
}

/// Every status of the projects (all joined projects when none are given)
/// except Closed, custom statuses included.
async fn open_statuses(
    app: &AppContext,
    project_ids: &[ProjectId],
) -> Result<Vec<StatusId>, BacklogError> {
    let projects = app.metadata.these_or_all(project_ids).await?;
    let per_project: Vec<_> = stream::iter(projects)
        .map(|project| app.metadata.statuses(project))
        .buffered(app.scan.concurrency.max(1))
        .try_collect()
        .await?;
    let open: BTreeSet<StatusId> = per_project
        .iter()
        .flat_map(|statuses| statuses.iter())
        .filter(|s| !s.is_closed())
        .map(|s| s.id)
        .collect();
    Ok(open.into_iter().collect())
}

#[cfg(test)]
#[path = "get_user_issue_list_tests.rs"]
mod tests;
