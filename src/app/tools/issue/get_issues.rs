//! `get_issues`: one page of issues matching filters, compact by default.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::validate::page_size;
use crate::app::tooling::{
    AppTool, ListSpec, Paging, Projected, ToolError, ToolInfo, ToolKit, Toolset, Truncation,
};
use crate::app::tools::common::issue_filter_args::IssueFilterArgs;
use crate::app::tools::common::paging::Order;
use crate::app::tools::common::view_args::ViewArgs;
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
    #[serde(flatten)]
    pub view: ViewArgs,
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
    let (zone, fields) = args.view.choose::<IssueView>(&app)?;
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
        issues: fields.project(issues.iter(), |issue| IssueView::new(issue, &view)),
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

#[cfg(test)]
mod tests {
    use crate::app::test_support::{DemoTools, issue_keys};
    use serde_json::json;

    #[tokio::test]
    async fn get_issues_takes_names_for_every_id() {
        let tools = DemoTools::new();
        let answer = tools
        .call(
            "get_issues",
            json!({"projectId": ["OPS"], "statusId": ["処理中"], "assigneeId": ["me"], "count": 100}),
        )
        .await
        .unwrap();
        let mut found = issue_keys(&answer, "issues");
        found.sort();
        assert_eq!(found, ["OPS-1", "OPS-6"]);
        let answer = tools
            .call(
                "get_issues",
                json!({"milestoneId": ["Sprint 42"], "categoryId": ["Frontend"], "count": 100}),
            )
            .await
            .unwrap();
        assert_eq!(answer["count"], 4);
    }

    #[tokio::test]
    async fn get_issues_answers_compactly_and_fields_widen_or_narrow() {
        let tools = DemoTools::new();
        let answer = tools
            .call("get_issues", json!({"count": 100}))
            .await
            .unwrap();
        let first = answer["issues"][0].as_object().unwrap();
        assert!(first.contains_key("issueKey") && first.contains_key("url"));
        assert!(
            !first.contains_key("description"),
            "descriptions only on request"
        );
        let bytes = serde_json::to_string(&answer["issues"]).unwrap().len() / 50;
        assert!(bytes <= 400, "{bytes} bytes per issue");

        let wide = tools
            .call(
                "get_issues",
                json!({"count": 5, "fields": ["summary", "description"]}),
            )
            .await
            .unwrap();
        let item = wide["issues"][0].as_object().unwrap();
        let mut names: Vec<&str> = item.keys().map(String::as_str).collect();
        names.sort_unstable();
        assert_eq!(names, ["description", "issueKey", "summary"]);
        let error = tools
            .call("get_issues", json!({"fields": ["colour"]}))
            .await
            .unwrap_err();
        assert!(
            error.starts_with("invalid argument `fields`: unknown field `colour`"),
            "{error}"
        );
    }

    #[tokio::test]
    async fn get_issues_sorts_pages_and_validates() {
        let tools = DemoTools::new();
        let page = tools
        .call("get_issues", json!({"projectId": ["WEB"], "sort": "created", "order": "asc", "offset": 20, "count": 5}))
        .await
        .unwrap();
        assert_eq!(issue_keys(&page, "issues"), ["WEB-21", "WEB-22"]);
        assert_eq!(page["offset"], 20);
        let error = tools
            .call("get_issues", json!({"count": 500}))
            .await
            .unwrap_err();
        assert!(
            error.starts_with("invalid argument `count`: count must be between 1 and 100"),
            "{error}"
        );
        let error = tools
            .call("get_issues", json!({"sort": "colour"}))
            .await
            .unwrap_err();
        assert!(error.contains("unknown sort `colour`"), "{error}");
        let error = tools
            .call(
                "get_issues",
                json!({"dueDateSince": "2026-12-01", "dueDateUntil": "2026-11-01"}),
            )
            .await
            .unwrap_err();
        assert!(
            error.contains("dueDateSince (2026-12-01) is after dueDateUntil (2026-11-01)"),
            "{error}"
        );
    }

    #[tokio::test]
    async fn a_keyword_that_finds_nothing_says_what_to_try() {
        let tools = DemoTools::new();
        let answer = tools
            .call(
                "get_issues",
                json!({"projectId": ["WEB"], "keyword": "authentication"}),
            )
            .await
            .unwrap();
        assert_eq!(answer["count"], 0);
        let note = answer["note"].as_str().unwrap();
        assert!(
            note.contains("No issue matches the keyword \"authentication\""),
            "{note}"
        );
        assert!(note.contains("Japanese or English form"), "{note}");
        assert!(note.contains("Frontend, Backend, Design"), "{note}");
        let found = tools
            .call("get_issues", json!({"keyword": "ログイン"}))
            .await
            .unwrap();
        assert!(found["count"].as_u64().unwrap() >= 2);
        assert!(found.get("note").is_none());
    }

    #[tokio::test]
    async fn a_long_list_is_cut_to_the_budget_with_the_next_offset() {
        let tools = DemoTools::with_budget(|_| {}, 1_500);
        let answer = tools
            .call("get_issues", json!({"count": 50, "offset": 0}))
            .await
            .unwrap();
        let kept = answer["issues"].as_array().unwrap().len();
        assert!(kept < 50, "{kept}");
        assert_eq!(answer["truncated"]["nextOffset"], kept);
        assert_eq!(answer["truncated"]["omitted"], 50 - kept);
    }
}
