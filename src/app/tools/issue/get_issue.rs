//! `get_issue`: one issue with every field.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{
    AppTool, FieldSelection, Projected, ToolError, ToolInfo, ToolKit, Toolset,
};
use crate::app::tools::common::issue_selector::IssueSelector;
use crate::app::tools::common::timezone_arg::TimezoneArg;
use crate::app::tools::register::register;
use crate::app::views::IssueView;
use crate::domain::issue::Issue;
use crate::domain::zone::DisplayZone;
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

const INFO: ToolInfo = ToolInfo {
    name: "get_issue",
    title: "Get an issue",
    description: "Get one issue with every field: summary, description, status, type, priority, \
        resolution, assignee, categories, versions, milestones, dates, hours, parent, custom \
        fields, attachments, who created and updated it and when. Give issueKey (e.g. WEB-42) or \
        issueId. For the conversation too, use get_issue_details.",
    annotations: READS,
    toolset: Toolset::Issue,
    list: None,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct GetIssueArgs {
    #[serde(flatten)]
    pub issue: IssueSelector,
    #[serde(flatten)]
    pub timezone: TimezoneArg,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct IssueAnswer {
    #[serde(flatten)]
    pub issue: IssueView,
    /// The timezone times are given in.
    pub timezone: String,
}

impl IssueAnswer {
    /// One issue's answer, without the parent lookup (see [`issue_view`]).
    pub fn single(app: &AppContext, zone: DisplayZone, issue: &Issue) -> Self {
        Self {
            issue: issue_view(app, zone, issue),
            timezone: zone.name().to_owned(),
        }
    }
}

/// One issue's view in `zone`. It spares the parent lookup (one read, one
/// request): the view gives the parent's id, not its key.
pub fn issue_view(app: &AppContext, zone: DisplayZone, issue: &Issue) -> IssueView {
    let no_parents = HashMap::new();
    IssueView::new(issue, &app.view(zone, &no_parents))
}

/// An issue as a write tool names what it changed: the default fields, in
/// the server's timezone, without the parent lookup.
pub fn compact_issue(app: &AppContext, issue: &Issue) -> Result<Projected<IssueView>, ToolError> {
    Ok(Projected::new(
        issue_view(app, app.default_zone, issue),
        &FieldSelection::choose::<IssueView>(None)?,
    ))
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, INFO, run)
}

async fn run(
    app: Arc<AppContext>,
    args: GetIssueArgs,
    _: ToolContext,
) -> Result<IssueAnswer, ToolError> {
    let zone = app.zone(args.timezone.zone())?;
    let issue = args.issue.fetched(&app).await?;
    Ok(IssueAnswer::single(&app, zone, &issue))
}

#[cfg(test)]
mod tests {
    use crate::app::test_support::DemoTools;
    use serde_json::json;

    #[tokio::test]
    async fn get_issue_shows_every_field_in_the_timezone() {
        let tools = DemoTools::new();
        let issue = tools
            .call(
                "get_issue",
                json!({"issueKey": "WEB-3", "timezone": "Asia/Tokyo"}),
            )
            .await
            .unwrap();
        let parent = tools
            .call("get_issue", json!({"issueKey": "WEB-1"}))
            .await
            .unwrap();
        assert_eq!(
            issue["parentIssueId"], parent["id"],
            "one request: the parent by id"
        );
        assert_eq!(issue["status"], "In Review");
        assert!(issue["created"].as_str().unwrap().ends_with("+09:00"));
        let by_id = tools
            .call(
                "get_issue",
                json!({"issueId": issue["id"], "issueKey": "WEB-1"}),
            )
            .await
            .unwrap();
        assert_eq!(
            by_id["issueKey"], "WEB-3",
            "a positive id wins over the key"
        );
        let fallback = tools
            .call("get_issue", json!({"issueId": 0, "issueKey": "WEB-1"}))
            .await
            .unwrap();
        assert_eq!(fallback["issueKey"], "WEB-1", "id 0 falls back to the key");
        let error = tools.call("get_issue", json!({})).await.unwrap_err();
        assert!(error.contains("an issue is required"), "{error}");
    }
}
