//! `add_issue`: create an issue.

use super::get_issue::IssueAnswer;
use crate::app::context::AppContext;
use crate::app::tooling::annotations::CREATES;
use crate::app::tooling::validate::{date, not_blank};
use crate::app::tooling::{AppTool, IdOrName, ToolError, ToolInfo, ToolKit, Toolset, listed};
use crate::app::tools::common::custom_field_args::{CustomFieldSetArg, resolve_settings};
use crate::app::tools::common::notice::{attachments, notified};
use crate::app::tools::common::timezone_arg::TimezoneArg;
use crate::app::tools::register::register;
use crate::domain::changes::NewIssue;
use crate::domain::ids::PriorityId;
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::Deserialize;
use std::sync::Arc;

const INFO: ToolInfo = ToolInfo {
    name: "add_issue",
    title: "Create an issue",
    description: "Create an issue in a project. Required: projectId (id, key or name), summary, \
        issueTypeId (id or name, e.g. \"Bug\"). priorityId defaults to Normal. Statuses start at \
        the project's first status. Names work for every id (categories, milestones, versions, \
        assignee as name/login/\"me\", parent issue as key). Answers with the created issue and \
        its key.",
    annotations: CREATES,
    toolset: Toolset::Issue,
    list: None,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AddIssueArgs {
    /// The project: id, key (WEB) or name.
    pub project_id: IdOrName,
    /// The title.
    pub summary: String,
    /// The issue type: id or name (e.g. "Bug", "Task").
    pub issue_type_id: IdOrName,
    /// 2 High, 3 Normal (default), 4 Low, or the name.
    #[serde(default)]
    pub priority_id: Option<IdOrName>,
    /// The body text (Markdown or Backlog syntax, as the project uses).
    #[serde(default)]
    pub description: Option<String>,
    /// YYYY-MM-DD.
    #[serde(default)]
    pub start_date: Option<String>,
    /// YYYY-MM-DD.
    #[serde(default)]
    pub due_date: Option<String>,
    #[serde(default)]
    pub estimated_hours: Option<f64>,
    #[serde(default)]
    pub actual_hours: Option<f64>,
    /// Categories: ids or names.
    #[serde(default)]
    pub category_id: Option<Vec<IdOrName>>,
    /// Affected versions: ids or names.
    #[serde(default)]
    pub version_id: Option<Vec<IdOrName>>,
    /// Milestones: ids or names.
    #[serde(default)]
    pub milestone_id: Option<Vec<IdOrName>>,
    /// The assignee: id, login id, name, or "me".
    #[serde(default)]
    pub assignee_id: Option<IdOrName>,
    /// Users to notify: ids, login ids, names, or "me".
    #[serde(default)]
    pub notified_user_id: Option<Vec<IdOrName>>,
    /// Ids of files uploaded to the space beforehand.
    #[serde(default)]
    pub attachment_id: Option<Vec<i64>>,
    /// The parent issue: id or key.
    #[serde(default)]
    pub parent_issue_id: Option<IdOrName>,
    /// Custom field values.
    #[serde(default)]
    pub custom_fields: Option<Vec<CustomFieldSetArg>>,
    #[serde(flatten)]
    pub timezone: TimezoneArg,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, INFO, run)
}

async fn run(
    app: Arc<AppContext>,
    args: AddIssueArgs,
    _: ToolContext,
) -> Result<IssueAnswer, ToolError> {
    let zone = app.zone(args.timezone.zone())?;
    not_blank("summary", &args.summary, "the summary is empty")?;
    let resolver = app.resolver();
    let project = resolver.project("projectId", &args.project_id).await?;
    let p = project.id;
    let issue_type_id = resolver
        .issue_type("issueTypeId", p, &args.issue_type_id)
        .await?;
    let new = NewIssue {
        project_id: p,
        summary: args.summary.clone(),
        issue_type_id,
        priority_id: match &args.priority_id {
            Some(priority) => resolver.priority("priorityId", priority).await?,
            None => PriorityId::NORMAL,
        },
        description: args.description.clone(),
        start_date: date("startDate", args.start_date.as_deref())?,
        due_date: date("dueDate", args.due_date.as_deref())?,
        estimated_hours: args.estimated_hours,
        actual_hours: args.actual_hours,
        category_ids: resolver
            .categories("categoryId", &[p], listed(&args.category_id))
            .await?,
        version_ids: resolver
            .versions("versionId", &[p], listed(&args.version_id))
            .await?,
        milestone_ids: resolver
            .versions("milestoneId", &[p], listed(&args.milestone_id))
            .await?,
        assignee_id: match &args.assignee_id {
            Some(user) => Some(resolver.user("assigneeId", user).await?),
            None => None,
        },
        notified_user_ids: notified(&resolver, &args.notified_user_id).await?,
        attachment_ids: attachments(args.attachment_id.as_deref())?,
        parent_issue_id: match &args.parent_issue_id {
            Some(parent) => Some(resolver.issue_id("parentIssueId", parent).await?),
            None => None,
        },
        custom_fields: resolve_settings(
            &app,
            p,
            issue_type_id,
            args.custom_fields.as_deref().unwrap_or_default(),
        )
        .await?,
    };
    let issue = app.backlog.issues.add_issue(&new).await?;
    Ok(IssueAnswer::single(&app, zone, &issue))
}

#[cfg(test)]
mod tests {
    use crate::app::test_support::{DemoTools, issue_keys};
    use serde_json::json;

    #[tokio::test]
    async fn add_issue_creates_with_names_and_defaults() {
        let tools = DemoTools::new();
        let created = tools
        .call(
            "add_issue",
            json!({
                "projectId": "WEB", "summary": "Checkout button misaligned", "issueTypeId": "Bug",
                "assigneeId": "t.sato", "milestoneId": ["Sprint 43"], "categoryId": ["Frontend"],
                "dueDate": "2026-12-05", "parentIssueId": "WEB-1"
            }),
        )
        .await
        .unwrap();
        assert_eq!(created["issueKey"], "WEB-23");
        assert_eq!(created["priority"], "Normal");
        assert_eq!(created["status"], "Open");
        assert_eq!(created["assignee"], "Taro Sato");
        let parent = tools
            .call("get_issue", json!({"issueKey": "WEB-1"}))
            .await
            .unwrap();
        assert_eq!(created["parentIssueId"], parent["id"]);
        let found = tools
            .call("get_issues", json!({"keyword": "Checkout button"}))
            .await
            .unwrap();
        assert_eq!(issue_keys(&found, "issues"), ["WEB-23"]);
    }
}
