//! `bulk_update_issues`: the same change on up to 100 issues, with a result per
//! issue. Issues already in the target state are left alone (no write, no
//! comment), so retrying the whole call never writes twice; `dryRun` shows the
//! plan without writing; one failure never hides the other results.

mod plan;
mod target;

use super::get_issue::issue_view;
use crate::app::context::AppContext;
use crate::app::issue_scan::scan_counted_issues;
use crate::app::tooling::annotations::OVERWRITES;
use crate::app::tooling::validate::change_date;
use crate::app::tooling::{AppTool, IdOrName, ToolError, ToolInfo, ToolKit, Toolset, Truncation};
use crate::app::tools::common::issue_change_args::IssueChangeArgs;
use crate::app::tools::common::issue_filter_args::IssueFilterArgs;
use crate::app::tools::register::register;
use crate::app::views::{ChangeView, issue_changes};
use crate::domain::comment::Comment;
use crate::domain::ids::UserId;
use crate::domain::issue::Issue;
use crate::domain::issue_filter::{PageSize, SortOrder};
use crate::ports::{CommentPage, IssueRef, ToolContext};
use futures::{StreamExt, stream};
use plan::{Wanted, plan};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

const MAX_ISSUES: usize = 100;

const INFO: ToolInfo = ToolInfo {
    name: "bulk_update_issues",
    title: "Update many issues at once",
    description: "Apply the same change to up to 100 issues, named by issueKeys or selected by a \
        filter (the get_issues filters): status, assignee, priority, resolution, start/due date, \
        milestones, categories, and/or a comment. Names work for ids and are resolved per issue's \
        project. Answers per issue: updated (with old → new values), unchanged (already in the \
        target state: nothing written, so retrying is safe), or failed (with the reason); failures \
        never hide successes. dryRun: true shows the plan without writing. Typical uses: close \
        finished issues at sprint end, hand a leaver's open issues to a colleague.",
    annotations: OVERWRITES,
    toolset: Toolset::Issue,
    list: None,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct BulkUpdateArgs {
    /// The issues to change, by key (WEB-42) or id; at most 100.
    #[serde(default)]
    pub issue_keys: Option<Vec<IdOrName>>,
    /// Or: the issues matching these filters (at most 100 may match).
    #[serde(default)]
    pub filter: Option<IssueFilterArgs>,
    #[serde(flatten)]
    pub change: IssueChangeArgs,
    /// true: answer the plan, write nothing.
    #[serde(default)]
    pub dry_run: Option<bool>,
    /// Same as dryRun.
    #[serde(default, rename = "dry_run")]
    pub dry_run_snake: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    /// Changed (or, in a dry run, would be).
    Updated,
    Planned,
    /// Already in the target state: nothing written.
    Unchanged,
    Failed,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct BulkItem {
    /// The issue key, or what was given when it could not be read.
    pub issue: String,
    pub outcome: Outcome,
    /// Each field's old → new value.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("x-rest" = "after a run, get_issues shows the issues as they are now; a dry run for fewer issues shows each plan"))]
    pub changes: Vec<ChangeView>,
    /// Why it failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Default, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct BulkSummary {
    pub total: usize,
    pub updated: usize,
    pub planned: usize,
    pub unchanged: usize,
    pub failed: usize,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct BulkResult {
    pub dry_run: bool,
    pub summary: BulkSummary,
    /// One result per issue, in the order given (or found).
    #[schemars(extend("x-rest" = "the summary counts every issue; call again for fewer issues to see them: a dry run writes nothing, and a repeated run writes nothing more"))]
    pub results: Vec<BulkItem>,
    /// Set when the answer was cut to fit the answer budget.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub truncated: Option<Truncation>,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, INFO, run)
}

async fn run(
    app: Arc<AppContext>,
    args: BulkUpdateArgs,
    context: ToolContext,
) -> Result<BulkResult, ToolError> {
    let dry_run = args.dry_run.or(args.dry_run_snake).unwrap_or(false);
    let wanted = Wanted {
        start: change_date("startDate", &args.change.start_date)?,
        due: change_date("dueDate", &args.change.due_date)?,
        comment: args.change.comment_text(),
        args: &args.change,
    };
    if !args.change.changes_fields() && wanted.comment.is_none() {
        return Err(ToolError::argument(
            "statusId",
            "no change given: set at least one of statusId, assigneeId, priorityId, resolutionId, startDate, dueDate, milestoneId, categoryId, comment",
        ));
    }
    let targets = targets(&app, &args, &context).await?;
    let me = if wanted.comment.is_some() {
        Some(app.resolver().me().await?)
    } else {
        None
    };
    let concurrency = app.scan.concurrency.max(1);
    let results: Vec<BulkItem> = stream::iter(targets)
        .map(|target| {
            let (app, wanted) = (&app, &wanted);
            async move {
                match target {
                    Ok(issue) => apply(app, wanted, issue, dry_run, me).await,
                    Err((given, reason)) => failed(given, reason),
                }
            }
        })
        .buffered(concurrency)
        .collect()
        .await;
    let mut summary = BulkSummary {
        total: results.len(),
        ..BulkSummary::default()
    };
    for item in &results {
        match item.outcome {
            Outcome::Updated => summary.updated += 1,
            Outcome::Planned => summary.planned += 1,
            Outcome::Unchanged => summary.unchanged += 1,
            Outcome::Failed => summary.failed += 1,
        }
    }
    Ok(BulkResult {
        dry_run,
        summary,
        results,
        truncated: None,
    })
}

fn failed(issue: String, reason: String) -> BulkItem {
    BulkItem {
        issue,
        outcome: Outcome::Failed,
        changes: Vec::new(),
        reason: Some(reason),
    }
}

type Target = Result<Issue, (String, String)>;

/// The issues to change: the named ones (each read, unreadable ones failing on
/// their own) or the ones the filter matches.
async fn targets(
    app: &AppContext,
    args: &BulkUpdateArgs,
    context: &ToolContext,
) -> Result<Vec<Target>, ToolError> {
    match (&args.issue_keys, &args.filter) {
        (Some(_), Some(_)) => Err(ToolError::argument(
            "issueKeys",
            "give issueKeys or filter, not both",
        )),
        (None, None) => Err(ToolError::argument(
            "issueKeys",
            "say which issues: give issueKeys or filter",
        )),
        (Some(keys), None) => {
            let mut unique: Vec<&IdOrName> = Vec::new();
            for key in keys {
                if !unique.contains(&key) {
                    unique.push(key);
                }
            }
            if unique.is_empty() {
                return Err(ToolError::argument("issueKeys", "the list is empty"));
            }
            if unique.len() > MAX_ISSUES {
                return Err(ToolError::argument(
                    "issueKeys",
                    format!(
                        "{} issues given; at most {MAX_ISSUES} are changed at a time, split the call",
                        unique.len()
                    ),
                ));
            }
            let concurrency = app.scan.concurrency.max(1);
            let owned: Vec<IdOrName> = unique.into_iter().cloned().collect();
            Ok(stream::iter(owned)
                .map(|key| async move {
                    let given = key.to_string();
                    let read = async {
                        let reference = app.resolver().issue_ref("issueKeys", &key)?;
                        Ok::<_, ToolError>(app.backlog.issues.issue(&reference).await?)
                    };
                    read.await.map_err(|e| (given, e.to_string()))
                })
                .buffered(concurrency)
                .collect()
                .await)
        }
        (None, Some(filter)) => {
            let filter = filter.to_filter(app).await?;
            let count = app.backlog.issues.count_issues(&filter).await?;
            if count > MAX_ISSUES as u64 {
                return Err(ToolError::TooLarge(format!(
                    "{count} issues match the filter; bulk_update_issues changes at most {MAX_ISSUES} at a time; narrow the filter (e.g. by project, status or milestone)"
                )));
            }
            let repo = app.backlog.issues.as_ref();
            let scan = scan_counted_issues(repo, &filter, count, app.scan, context).await?;
            Ok(scan.issues.into_iter().map(Ok).collect())
        }
    }
}

/// Whether the user already posted this comment among the issue's latest ones.
async fn already_commented(
    app: &AppContext,
    issue: &Issue,
    me: UserId,
    text: &str,
) -> Result<bool, ToolError> {
    let page = CommentPage {
        min_id: None,
        max_id: None,
        count: PageSize::new(50).map_err(|e| ToolError::argument("comment", e))?,
        order: SortOrder::Desc,
    };
    let recent: Vec<Comment> = app
        .backlog
        .comments
        .comments(&IssueRef::Id(issue.id), page)
        .await?;
    Ok(recent.iter().any(|c| {
        c.created_user.as_ref().is_some_and(|u| u.id == me) && c.content.trim() == text.trim()
    }))
}

async fn apply(
    app: &AppContext,
    wanted: &Wanted<'_>,
    issue: Issue,
    dry_run: bool,
    me: Option<UserId>,
) -> BulkItem {
    let key = issue.key.to_string();
    let outcome = async {
        let mut plan = plan(app, wanted, &issue).await?;
        let only_comment = plan.changes.is_empty();
        if let (Some(text), Some(me)) = (&wanted.comment, me) {
            let fields_requested = wanted.args.changes_fields();
            // A comment goes with a change; on its own, it is posted once.
            let post = if only_comment {
                !fields_requested && !already_commented(app, &issue, me, text).await?
            } else {
                true
            };
            if post {
                plan.update.comment = Some(text.clone());
                plan.changes
                    .push(ChangeView::new("comment", None, Some(text.clone())));
            }
        }
        if plan.update.is_empty() {
            return Ok::<_, ToolError>((Outcome::Unchanged, Vec::new()));
        }
        if dry_run {
            return Ok((Outcome::Planned, plan.changes));
        }
        let after = app
            .backlog
            .issues
            .update_issue(&IssueRef::Id(issue.id), &plan.update)
            .await?;
        // A bulk update never changes parents: their keys are not looked up.
        let mut changes = issue_changes(
            &issue_view(app, app.default_zone, &issue),
            &issue_view(app, app.default_zone, &after),
        );
        if let Some(text) = &plan.update.comment {
            changes.push(ChangeView::new("comment", None, Some(text.clone())));
        }
        Ok((Outcome::Updated, changes))
    };
    match outcome.await {
        Ok((outcome, changes)) => BulkItem {
            issue: key,
            outcome,
            changes,
            reason: None,
        },
        Err(error) => failed(key, error.to_string()),
    }
}

#[cfg(test)]
mod tests;
