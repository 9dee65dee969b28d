//! `get_user_issue_list`: every issue assigned to someone (by default: me) that
//! is still open, from the original Python server, same parameters. Unlike the
//! original it returns all matches, not the first 100.

use crate::app::context::AppContext;
use crate::app::issue_scan::{ScanResult, scan_issues};
use crate::app::tooling::validate::{date_range, ids, zone};
use crate::app::tooling::{ToolError, ToolInfo, structured_tool};
use crate::app::views::{IssueSummary, ViewContext, parent_keys};
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::{IssueId, ProjectId, StatusId, UserId, VersionId};
use crate::domain::issue::Issue;
use crate::domain::issue_filter::IssueFilter;
use crate::domain::project::ProjectListQuery;
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
    // No open status anywhere (no projects) means no issues, not "any status".
    let scan = if filter.status_ids.is_empty() {
        ScanResult {
            issues: Vec::new(),
            settled: true,
        }
    } else {
        scan_issues(app.backlog.issues.as_ref(), &filter, app.scan, context).await?
    };
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
            .projects(&ProjectListQuery::default())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::test_support::{app_with, demo_app};
    use crate::domain::project::Status;
    use crate::ports::issue_repository::MockIssueRepository;
    use crate::ports::project_repository::MockProjectRepository;
    use crate::ports::user_repository::MockUserRepository;

    async fn list(args: GetUserIssueListArgs) -> Result<UserIssueList, ToolError> {
        get_user_issue_list(&demo_app(), args, &ToolContext::detached()).await
    }

    #[tokio::test]
    async fn by_default_lists_my_issues_in_every_status_but_closed() {
        let answer = list(GetUserIssueListArgs::default()).await.unwrap();
        assert_eq!(answer.assignee_ids, vec![1001]);
        assert_eq!(answer.total, 18);
        assert!(
            answer
                .issues
                .iter()
                .all(|i| i.assignee.as_deref() == Some("Aiko Tanaka"))
        );
        assert!(
            answer
                .issues
                .iter()
                .all(|i| i.status != "Closed" && i.status != "完了")
        );
        // Custom statuses count as open.
        assert!(answer.issues.iter().any(|i| i.status == "In Review"));
        assert!(answer.status_ids.contains(&10001) && answer.status_ids.contains(&10002));
        assert!(!answer.status_ids.contains(&4));
    }

    #[tokio::test]
    async fn issues_come_most_recently_updated_first_with_parent_keys_and_urls() {
        let answer = list(GetUserIssueListArgs::default()).await.unwrap();
        let updated: Vec<&str> = answer
            .issues
            .iter()
            .filter_map(|i| i.updated.as_deref())
            .collect();
        let mut sorted = updated.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(updated, sorted);
        let child = answer
            .issues
            .iter()
            .find(|i| i.issue_key == "WEB-3")
            .unwrap();
        assert_eq!(child.parent_issue_key.as_deref(), Some("WEB-1"));
        assert_eq!(child.url, "https://demo.example/view/WEB-3");
    }

    #[tokio::test]
    async fn filters_narrow_the_list_and_dates_are_inclusive() {
        let answer = list(GetUserIssueListArgs {
            project_ids: Some(vec![103]),
            due_date_since: Some("2026-11-24".into()),
            due_date_until: Some("2026-11-27".into()),
            ..Default::default()
        })
        .await
        .unwrap();
        let keys: Vec<&str> = answer.issues.iter().map(|i| i.issue_key.as_str()).collect();
        assert_eq!(keys.len(), 2, "{keys:?}");
        assert!(keys.contains(&"OPS-1") && keys.contains(&"OPS-8"));
    }

    #[tokio::test]
    async fn explicit_statuses_and_assignees_replace_the_defaults() {
        let answer = list(GetUserIssueListArgs {
            assignee_ids: Some(vec![1002]),
            status_ids: Some(vec![4]),
            ..Default::default()
        })
        .await
        .unwrap();
        assert_eq!(answer.total, 0);
        let answer = list(GetUserIssueListArgs {
            assignee_ids: Some(vec![1003]),
            status_ids: Some(vec![4]),
            ..Default::default()
        })
        .await
        .unwrap();
        let keys: Vec<&str> = answer.issues.iter().map(|i| i.issue_key.as_str()).collect();
        assert_eq!(keys, ["OPS-12", "OPS-9", "APP-9", "WEB-11", "WEB-17"]);
    }

    #[tokio::test]
    async fn times_are_rendered_in_the_requested_zone() {
        let answer = list(GetUserIssueListArgs {
            timezone: Some("Asia/Tokyo".into()),
            ..Default::default()
        })
        .await
        .unwrap();
        assert_eq!(answer.timezone, "Asia/Tokyo");
        assert!(answer.issues.iter().all(|i| i.created.ends_with("+09:00")));
    }

    #[tokio::test]
    async fn invalid_arguments_are_named() {
        let cases = [
            (
                GetUserIssueListArgs {
                    created_since: Some("2024-02-30".into()),
                    ..Default::default()
                },
                "invalid argument `created_since`: 2024-02-30 is not a day of the calendar",
            ),
            (
                GetUserIssueListArgs {
                    updated_since: Some("2026-03-02".into()),
                    updated_until: Some("2026-03-01".into()),
                    ..Default::default()
                },
                "invalid argument `updated_since`: updated_since (2026-03-02) is after updated_until (2026-03-01)",
            ),
            (
                GetUserIssueListArgs {
                    project_ids: Some(vec![-1]),
                    ..Default::default()
                },
                "invalid argument `project_ids`: -1 is not a valid id",
            ),
            (
                GetUserIssueListArgs {
                    timezone: Some("Mars/Base".into()),
                    ..Default::default()
                },
                "invalid argument `timezone`: unknown timezone \"Mars/Base\"",
            ),
        ];
        for (args, expected) in cases {
            let error = list(args).await.unwrap_err().to_string();
            assert!(error.starts_with(expected), "{error}");
        }
    }

    #[tokio::test]
    async fn a_configured_user_id_is_used_without_asking_backlog_who_i_am() {
        let mut users = MockUserRepository::new();
        users.expect_myself().never();
        let mut projects = MockProjectRepository::new();
        projects.expect_projects().returning(|_| Ok(vec![]));
        let mut issues = MockIssueRepository::new();
        issues.expect_count_issues().never();
        let mut app = app_with(issues, projects, users);
        app.configured_user = Some(UserId::new(77).unwrap());
        let answer = get_user_issue_list(
            &app,
            GetUserIssueListArgs::default(),
            &ToolContext::detached(),
        )
        .await
        .unwrap();
        assert_eq!(answer.assignee_ids, vec![77]);
        // No project, so no open status: nothing to scan, and nothing returned.
        assert_eq!(answer.total, 0);
    }

    #[tokio::test]
    async fn statuses_are_collected_from_the_given_projects_only() {
        let mut projects = MockProjectRepository::new();
        projects.expect_projects().never();
        projects
            .expect_statuses()
            .times(1)
            .returning(|_| Ok(vec![status(1), status(4), status(12345)]));
        let mut issues = MockIssueRepository::new();
        issues
            .expect_count_issues()
            .withf(|f| {
                f.status_ids.iter().map(|s| s.get()).collect::<Vec<_>>() == vec![1, 12345]
                    && f.project_ids.iter().map(|p| p.get()).collect::<Vec<_>>() == vec![9]
            })
            .returning(|_| Ok(0));
        issues.expect_issues().never();
        let mut app = app_with(issues, projects, MockUserRepository::new());
        app.configured_user = Some(UserId::new(1).unwrap());
        let args = GetUserIssueListArgs {
            project_ids: Some(vec![9]),
            ..Default::default()
        };
        let answer = get_user_issue_list(&app, args, &ToolContext::detached())
            .await
            .unwrap();
        assert_eq!(answer.status_ids, vec![1, 12345]);
    }

    fn status(id: i64) -> Status {
        Status {
            id: StatusId::new(id).unwrap(),
            project_id: None,
            name: format!("status {id}"),
            color: None,
            display_order: id,
        }
    }
}
