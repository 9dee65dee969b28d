//! `update_issue`: change an issue, answering with what changed.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::OVERWRITES_AND_APPENDS;
use crate::app::tooling::validate::{change, change_date, nothing_to_change};
use crate::app::tooling::{
    AppTool, IdOrName, ToolError, ToolInfo, ToolKit, Toolset, listed, nullable,
};
use crate::app::tools::common::custom_field_args::{CustomFieldSetArg, resolve_settings};
use crate::app::tools::common::issue_change_args::IssueChangeArgs;
use crate::app::tools::common::issue_selector::IssueSelector;
use crate::app::tools::common::notice::{attachments, notified};
use crate::app::tools::common::timezone_arg::TimezoneArg;
use crate::app::tools::register::register;
use crate::app::views::{ChangeView, IssueView, issue_changes, parent_keys};
use crate::domain::changes::{Change, IssueUpdate};
use crate::domain::issue::Issue;
use crate::ports::{IssueRef, ToolContext};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

const INFO: ToolInfo = ToolInfo {
    name: "update_issue",
    title: "Update an issue",
    description: "Change an issue: status (id or name, e.g. \"In Progress\", \"処理中\"), assignee \
        (name, login id or \"me\"), priority, resolution, dates, hours, summary, description, type, \
        categories, versions, milestones, parent, custom fields, and add a comment. Fields you \
        leave out stay as they are; null empties a single-value field, [] empties a list. \
        Answers with the issue afterwards and each field's old → new value.",
    annotations: OVERWRITES_AND_APPENDS,
    toolset: Toolset::Issue,
    list: None,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct UpdateIssueArgs {
    #[serde(flatten)]
    pub issue: IssueSelector,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(flatten)]
    pub change: IssueChangeArgs,
    /// The issue type: id or name.
    #[serde(default)]
    pub issue_type_id: Option<IdOrName>,
    #[serde(default)]
    pub description: Option<String>,
    /// null empties it.
    #[serde(default, deserialize_with = "nullable")]
    #[schemars(with = "Option<f64>", extend("nullable" = true))]
    pub estimated_hours: Option<Option<f64>>,
    /// null empties it.
    #[serde(default, deserialize_with = "nullable")]
    #[schemars(with = "Option<f64>", extend("nullable" = true))]
    pub actual_hours: Option<Option<f64>>,
    /// Affected versions (ids or names); [] empties the list.
    #[serde(default)]
    pub version_id: Option<Vec<IdOrName>>,
    /// Users to notify: ids, login ids, names, or "me".
    #[serde(default)]
    pub notified_user_id: Option<Vec<IdOrName>>,
    /// Ids of files uploaded to the space beforehand.
    #[serde(default)]
    pub attachment_id: Option<Vec<i64>>,
    /// The parent issue: id or key; null detaches it.
    #[serde(default, deserialize_with = "nullable")]
    #[schemars(with = "Option<IdOrName>", extend("nullable" = true))]
    pub parent_issue_id: Option<Option<IdOrName>>,
    /// Custom field values.
    #[serde(default)]
    pub custom_fields: Option<Vec<CustomFieldSetArg>>,
    #[serde(flatten)]
    pub timezone: TimezoneArg,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct UpdatedIssue {
    /// The issue after the change.
    pub issue: IssueView,
    /// Each changed field, old → new.
    pub changes: Vec<ChangeView>,
    /// The timezone times are given in.
    pub timezone: String,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, INFO, run)
}

/// The changes asked for, with names resolved in the issue's project.
async fn update_for(
    app: &AppContext,
    issue: &Issue,
    args: &UpdateIssueArgs,
) -> Result<IssueUpdate, ToolError> {
    let resolver = app.resolver();
    let p = issue.project_id;
    let lists = |v: &Option<Vec<IdOrName>>| v.is_some();
    // Each name is looked up on its own; the lookups (cached metadata, or one
    // request each when cold) run side by side.
    let (
        resolution_id,
        assignee_id,
        parent_issue_id,
        issue_type_id,
        priority_id,
        status_id,
        category_ids,
        version_ids,
        milestone_ids,
    ) = tokio::try_join!(
        async {
            Ok::<_, ToolError>(match &args.change.resolution_id {
                None => Change::Keep,
                Some(None) => Change::Clear,
                Some(Some(value)) => Change::Set(resolver.resolution("resolutionId", value).await?),
            })
        },
        async {
            Ok(match &args.change.assignee_id {
                None => Change::Keep,
                Some(None) => Change::Clear,
                Some(Some(value)) => Change::Set(resolver.user("assigneeId", value).await?),
            })
        },
        async {
            Ok(match &args.parent_issue_id {
                None => Change::Keep,
                Some(None) => Change::Clear,
                Some(Some(value)) => Change::Set(resolver.issue_id("parentIssueId", value).await?),
            })
        },
        async {
            match &args.issue_type_id {
                Some(value) => Ok(Some(resolver.issue_type("issueTypeId", p, value).await?)),
                None => Ok(None),
            }
        },
        async {
            match &args.change.priority_id {
                Some(value) => Ok(Some(resolver.priority("priorityId", value).await?)),
                None => Ok(None),
            }
        },
        async {
            match &args.change.status_id {
                Some(value) => Ok(Some(resolver.status("statusId", p, value).await?)),
                None => Ok(None),
            }
        },
        async {
            if !lists(&args.change.category_id) {
                return Ok(None);
            }
            let listed = listed(&args.change.category_id);
            Ok(Some(resolver.categories("categoryId", &[p], listed).await?))
        },
        async {
            if !lists(&args.version_id) {
                return Ok(None);
            }
            let listed = listed(&args.version_id);
            Ok(Some(resolver.versions("versionId", &[p], listed).await?))
        },
        async {
            if !lists(&args.change.milestone_id) {
                return Ok(None);
            }
            let listed = listed(&args.change.milestone_id);
            Ok(Some(resolver.versions("milestoneId", &[p], listed).await?))
        },
    )?;
    Ok(IssueUpdate {
        summary: args.summary.clone(),
        issue_type_id,
        priority_id,
        description: args.description.clone(),
        status_id,
        resolution_id,
        assignee_id,
        start_date: change_date("startDate", &args.change.start_date)?,
        due_date: change_date("dueDate", &args.change.due_date)?,
        estimated_hours: change(&args.estimated_hours),
        actual_hours: change(&args.actual_hours),
        category_ids,
        version_ids,
        milestone_ids,
        parent_issue_id,
        notified_user_ids: notified(&resolver, &args.notified_user_id).await?,
        attachment_ids: attachments(args.attachment_id.as_deref())?,
        custom_fields: resolve_settings(
            app,
            p,
            issue_type_id.unwrap_or(issue.issue_type.id),
            args.custom_fields.as_deref().unwrap_or_default(),
        )
        .await?,
        comment: args.change.comment_text(),
    })
}

async fn run(
    app: Arc<AppContext>,
    args: UpdateIssueArgs,
    _: ToolContext,
) -> Result<UpdatedIssue, ToolError> {
    let zone = app.zone(args.timezone.zone())?;
    let before = args.issue.fetched(&app).await?;
    let update = update_for(&app, &before, &args).await?;
    if update.is_empty() {
        return Err(nothing_to_change(
            "issueKey",
            "at least one field to update, or a comment",
        ));
    }
    let after = app
        .backlog
        .issues
        .update_issue(&IssueRef::Id(before.id), &update)
        .await?;
    let both = [before, after];
    // The parents' keys are looked up only when the parent changed, to show
    // the change by key; otherwise the write and the old state are the only
    // requests, and the view gives the parent's id.
    let parents = if both[0].parent_issue_id == both[1].parent_issue_id {
        HashMap::new()
    } else {
        parent_keys(app.backlog.issues.as_ref(), &both).await?
    };
    let view = app.view(zone, &parents);
    let [before, after] = both;
    let (old, new) = (
        IssueView::new(&before, &view),
        IssueView::new(&after, &view),
    );
    Ok(UpdatedIssue {
        changes: issue_changes(&old, &new),
        issue: new,
        timezone: zone.name().to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use crate::app::test_support::DemoTools;
    use serde_json::json;

    #[tokio::test]
    async fn update_issue_resolves_names_in_the_issues_project_and_reports_changes() {
        let tools = DemoTools::new();
        let answer = tools
        .call(
            "update_issue",
            json!({"issueKey": "OPS-8", "statusId": "処理中", "assigneeId": "山田", "comment": "着手します"}),
        )
        .await
        .unwrap();
        assert_eq!(answer["issue"]["status"], "処理中");
        assert_eq!(answer["issue"]["assignee"], "山田 健");
        let changes: Vec<(String, String, String)> = answer["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["field"].as_str().unwrap().to_owned(),
                    c["from"].as_str().unwrap_or_default().to_owned(),
                    c["to"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        assert!(
            changes.contains(&("status".into(), "未対応".into(), "処理中".into())),
            "{changes:?}"
        );
        assert!(
            changes.contains(&("assignee".into(), "Aiko Tanaka".into(), "山田 健".into())),
            "{changes:?}"
        );
        let details = tools
            .call("get_issue_details", json!({"issue_key": "OPS-8"}))
            .await
            .unwrap();
        let last = details["comments"]
            .as_array()
            .unwrap()
            .last()
            .unwrap()
            .clone();
        assert_eq!(last["content"], "着手します");
    }

    #[tokio::test]
    async fn update_issue_clears_with_null_and_refuses_an_empty_change() {
        let tools = DemoTools::new();
        let answer = tools
            .call(
                "update_issue",
                json!({"issueKey": "WEB-6", "assigneeId": null, "dueDate": null}),
            )
            .await
            .unwrap();
        assert!(answer["issue"].get("assignee").is_none());
        assert!(answer["issue"].get("dueDate").is_none());
        let error = tools
            .call("update_issue", json!({"issueKey": "WEB-6"}))
            .await
            .unwrap_err();
        assert!(error.contains("nothing to change"), "{error}");
        let error = tools
            .call(
                "update_issue",
                json!({"issueKey": "WEB-6", "statusId": "Doing"}),
            )
            .await
            .unwrap_err();
        assert!(
            error.contains("no status named \"Doing\" in project WEB"),
            "{error}"
        );
    }

    #[tokio::test]
    async fn custom_fields_are_set_by_name_and_checked_against_issue_types() {
        let tools = DemoTools::new();
        let set = tools
        .call(
            "update_issue",
            json!({"issueKey": "WEB-5", "customFields": [{"id": "Browser", "value": "Safari"}, {"id": "Story points", "value": 5}]}),
        )
        .await
        .unwrap();
        let fields = set["issue"]["customFields"].as_array().unwrap();
        assert!(
            fields
                .iter()
                .any(|f| f["name"] == "Browser" && f["value"] == "Safari"),
            "{fields:?}"
        );
        assert!(
            fields
                .iter()
                .any(|f| f["name"] == "Story points" && f["value"] == "5"),
            "{fields:?}"
        );
        let error = tools
        .call(
            "update_issue",
            json!({"issueKey": "WEB-1", "customFields": [{"id": "Browser", "value": "Safari"}]}),
        )
        .await
        .unwrap_err();
        assert!(
            error.contains(
                "custom field \"Browser\" does not apply to issue type Task; it applies to: Bug"
            ),
            "{error}"
        );
        let error = tools
            .call(
                "update_issue",
                json!({"issueKey": "WEB-5", "customFields": [{"id": "Browser", "value": "Lynx"}]}),
            )
            .await
            .unwrap_err();
        assert!(
            error.contains("no item named \"Lynx\" of custom field \"Browser\""),
            "{error}"
        );
    }
}
