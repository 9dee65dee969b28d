//! `add_related_issue` and `remove_related_issue`: link and unlink related issues.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::{CREATES, DELETES};
use crate::app::tooling::{
    AppTool, FieldSelection, IdOrName, Projected, ToolError, ToolInfo, ToolKit, Toolset,
};
use crate::app::tools::common::selectors;
use crate::app::tools::register::register;
use crate::app::views::IssueView;
use crate::ports::{IssueRef, ToolContext};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

const ADD: ToolInfo = ToolInfo {
    name: "add_related_issue",
    title: "Link a related issue",
    description: "Link another issue to an issue as related. Give the issue (issueKey or issueId) \
        and targetIssueId (the other issue's id or key, e.g. WEB-7).",
    annotations: CREATES,
    toolset: Toolset::Issue,
    list: None,
};

const REMOVE: ToolInfo = ToolInfo {
    name: "remove_related_issue",
    title: "Unlink a related issue",
    description: "Remove the related link between an issue (issueKey or issueId) and \
        relatedIssueId (the other issue's id or key). The issues themselves stay.",
    annotations: DELETES,
    toolset: Toolset::Issue,
    list: None,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AddRelatedIssueArgs {
    /// The issue's numeric id (or its key); 0 or absent means use issueKey.
    #[serde(default)]
    pub issue_id: Option<IdOrName>,
    /// The issue key, e.g. WEB-42.
    #[serde(default)]
    pub issue_key: Option<String>,
    /// The issue to link: id or key.
    pub target_issue_id: IdOrName,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RemoveRelatedIssueArgs {
    /// The issue's numeric id (or its key); 0 or absent means use issueKey.
    #[serde(default)]
    pub issue_id: Option<IdOrName>,
    /// The issue key, e.g. WEB-42.
    #[serde(default)]
    pub issue_key: Option<String>,
    /// The linked issue to unlink: id or key.
    pub related_issue_id: IdOrName,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RelatedLink {
    /// The issue the change was made on.
    pub issue: String,
    /// The issue linked or unlinked.
    pub related: Projected<IssueView>,
}

pub fn add_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, ADD, add)
}

pub fn remove_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, REMOVE, remove)
}

fn link(
    app: &AppContext,
    issue: &IssueRef,
    related: &crate::domain::issue::Issue,
) -> Result<RelatedLink, ToolError> {
    let none = HashMap::new();
    Ok(RelatedLink {
        issue: issue.to_string(),
        related: Projected::new(
            IssueView::new(related, &app.view(app.default_zone, &none)),
            &FieldSelection::choose::<IssueView>(None)?,
        ),
    })
}

async fn add(
    app: Arc<AppContext>,
    args: AddRelatedIssueArgs,
    _: ToolContext,
) -> Result<RelatedLink, ToolError> {
    let issue = selectors::issue(&app, args.issue_id.as_ref(), args.issue_key.as_deref()).await?;
    let target = app
        .resolver()
        .issue_id("targetIssueId", &args.target_issue_id)
        .await?;
    let related = app.backlog.issues.add_related_issue(&issue, target).await?;
    link(&app, &issue, &related)
}

async fn remove(
    app: Arc<AppContext>,
    args: RemoveRelatedIssueArgs,
    _: ToolContext,
) -> Result<RelatedLink, ToolError> {
    let issue = selectors::issue(&app, args.issue_id.as_ref(), args.issue_key.as_deref()).await?;
    let related_id = app
        .resolver()
        .issue_id("relatedIssueId", &args.related_issue_id)
        .await?;
    let related = app
        .backlog
        .issues
        .remove_related_issue(&issue, related_id)
        .await?;
    link(&app, &issue, &related)
}
