//! `get_issues`: one page of issues matching filters, compact by default.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::validate::page_size;
use crate::app::tooling::{
    AppTool, FieldSelection, ListSpec, Paging, Projected, ToolError, ToolInfo, ToolKit, Toolset,
    Truncation,
};
use crate::app::tools::common::issue_filter_args::IssueFilterArgs;
use crate::app::tools::common::paging::Order;
use crate::app::tools::register::register;
use crate::app::views::{IssueView, parent_keys};
use crate::domain::issue_filter::{IssueFilter, IssueQuery, IssueSort, SortOrder};
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

const INFO: ToolInfo = ToolInfo {
    name: "get_issues",
    title: "Search issues",
    description: "Search issues with filters: projects, statuses, types, categories, milestones, \
        versions, priorities, assignees, creators, resolutions, parents, a keyword, date ranges and \
        custom fields. Every id filter also takes names (\"In Progress\", \"Bug\", \"me\", \"WEB\"). \
        Answers one page (count up to 100, from offset) sorted as asked, each issue compact; name \
        `fields` to add or drop fields. Use count_issues for totals.",
    annotations: READS,
    toolset: Toolset::Issue,
    list: Some(ListSpec {
        items: "issues",
        paging: Paging::Offset,
    }),
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct GetIssuesArgs {
    #[serde(flatten)]
    pub filter: IssueFilterArgs,
    /// Sort by: issueType, category, version, milestone, summary, status, priority, attachment,
    /// sharedFile, created, createdUser, updated (default), updatedUser, assignee, startDate,
    /// dueDate, estimatedHours, actualHours, childIssue, or customField_{id}.
    #[serde(default)]
    pub sort: Option<String>,
    /// desc (default) or asc.
    #[serde(default)]
    pub order: Option<Order>,
    /// How many to skip (default 0).
    #[serde(default)]
    pub offset: Option<u64>,
    /// How many to return, 1–100 (default 20).
    #[serde(default)]
    pub count: Option<i64>,
    #[serde(default)]
    pub fields: Option<Vec<String>>,
    /// IANA timezone for times (default: the server's).
    #[serde(default)]
    pub timezone: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct IssuePage {
    /// Where this page starts.
    pub offset: u64,
    /// Issues on this page.
    pub count: usize,
    pub issues: Vec<Projected<IssueView>>,
    /// The timezone times are given in.
    pub timezone: String,
    /// Set when nothing matched a keyword: what to try instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Set when the page was cut to fit the answer budget.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub truncated: Option<Truncation>,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, INFO, run).with_fields::<IssueView>()
}

async fn run(
    app: Arc<AppContext>,
    args: GetIssuesArgs,
    _: ToolContext,
) -> Result<IssuePage, ToolError> {
    let zone = app.zone(args.timezone.as_deref())?;
    let fields = FieldSelection::choose::<IssueView>(args.fields.as_deref())?;
    let sort = args
        .sort
        .as_deref()
        .map(|name| {
            IssueSort::parse(name).ok_or_else(|| {
                ToolError::argument(
                    "sort",
                    format!(
                        "unknown sort `{name}`; sort by one of {} or customField_{{id}}",
                        IssueSort::NAMED.map(|(n, _)| n).join(", ")
                    ),
                )
            })
        })
        .transpose()?;
    let filter = args.filter.to_filter(&app).await?;
    let query = IssueQuery {
        filter,
        sort,
        order: args.order.map_or(SortOrder::Desc, Order::into_sort_order),
        offset: args.offset.unwrap_or(0),
        count: page_size("count", args.count, 20)?,
    };
    let issues = app.backlog.issues.issues(&query).await?;
    let parents = if fields.contains("parentIssueKey") {
        parent_keys(app.backlog.issues.as_ref(), &issues).await?
    } else {
        Default::default()
    };
    let view = app.view(zone, &parents);
    let note = if issues.is_empty() {
        keyword_advice(&app, &query.filter).await
    } else {
        None
    };
    Ok(IssuePage {
        offset: query.offset,
        count: issues.len(),
        issues: issues
            .iter()
            .map(|issue| Projected::new(IssueView::new(issue, &view), &fields))
            .collect(),
        timezone: zone.name().to_owned(),
        note,
        truncated: None,
    })
}

/// When a keyword found nothing: say so, and suggest what usually works.
pub async fn keyword_advice(app: &AppContext, filter: &IssueFilter) -> Option<String> {
    let keyword = crate::domain::excerpt::excerpt(filter.keyword.as_deref()?);
    let mut categories = Vec::new();
    for project in filter.project_ids.iter().take(3) {
        if let Ok(found) = app.metadata.categories(*project).await {
            categories.extend(found.iter().map(|c| c.name.clone()));
        }
    }
    let by_category = if categories.is_empty() {
        "a category".to_owned()
    } else {
        format!("a category ({})", categories.join(", "))
    };
    Some(format!(
        "No issue matches the keyword \"{keyword}\". Backlog matches keywords literally in summaries \
         and descriptions: try a shorter word, the Japanese or English form of the word \
         (e.g. ログイン / login), or filter by {by_category} or status instead."
    ))
}
