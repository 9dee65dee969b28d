//! `get_related_issues`: issues linked to an issue as related.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{
    AppTool, ListSpec, Paging, Projected, ToolError, ToolInfo, ToolKit, Toolset, Truncation,
};
use crate::app::tools::common::issue_selector::IssueSelector;
use crate::app::tools::common::view_args::ViewArgs;
use crate::app::tools::register::register;
use crate::app::views::{IssueView, parent_keys};
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

const INFO: ToolInfo = ToolInfo {
    name: "get_related_issues",
    title: "List related issues",
    description: "List the issues linked to an issue as related (not parent/child: for children \
        use get_issues with parentIssueId). Give issueKey (e.g. WEB-42) or issueId.",
    annotations: READS,
    toolset: Toolset::Issue,
    list: Some(ListSpec {
        items: "issues",
        paging: Paging::Whole,
    }),
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct GetRelatedIssuesArgs {
    #[serde(flatten)]
    pub issue: IssueSelector,
    #[serde(flatten)]
    pub view: ViewArgs,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RelatedIssues {
    pub count: usize,
    pub issues: Vec<Projected<IssueView>>,
    /// The timezone times are given in.
    pub timezone: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub truncated: Option<Truncation>,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, INFO, run).with_fields::<IssueView>()
}

async fn run(
    app: Arc<AppContext>,
    args: GetRelatedIssuesArgs,
    _: ToolContext,
) -> Result<RelatedIssues, ToolError> {
    let (zone, fields) = args.view.choose::<IssueView>(&app)?;
    let issue = args.issue.issue(&app).await?;
    let related = app.backlog.issues.related_issues(&issue).await?;
    let parents = parent_keys(app.backlog.issues.as_ref(), &related).await?;
    let view = app.view(zone, &parents);
    Ok(RelatedIssues {
        count: related.len(),
        issues: fields.project(related.iter(), |i| IssueView::new(i, &view)),
        timezone: zone.name().to_owned(),
        truncated: None,
    })
}
