//! `get_issue_details`: one issue with its description and whole conversation
//! (from the original Python server, same parameters).

use crate::app::context::AppContext;
use crate::app::tooling::{ToolError, ToolInfo, structured_tool, validate};
use crate::app::views::{CommentView, IssueSummary, ViewContext, parent_keys};
use crate::domain::backlog_error::BacklogError;
use crate::domain::comment::Comment;
use crate::domain::issue::{CustomFieldContent, Issue};
use crate::domain::issue_filter::{PageSize, SortOrder};
use crate::domain::keys::IssueKey;
use crate::ports::{
    CatalogEntry, CommentPage, IssueRef, IssueRepository, ToolAnnotations, ToolContext,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

const INFO: ToolInfo = ToolInfo {
    name: "get_issue_details",
    title: "Get issue details",
    description: "Get one Backlog issue with everything needed to understand it: summary, \
        description, status, priority, type, assignee, start/due dates, milestones, \
        categories, parent issue, custom fields, attachments and every comment, oldest \
        first (comments that only record field changes are left out). Use it when the user \
        names an issue key such as WEB-42 or asks what an issue is about, who said what, or \
        where it stands. Times are given in `timezone`.",
    annotations: ToolAnnotations::READ,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetIssueDetailsArgs {
    /// The issue key, PROJECT-NUMBER, e.g. "WEB-42".
    pub issue_key: String,
    /// The issue's title, if known. Only for logging and reference: it does not change the answer.
    #[serde(default)]
    pub issue_title: Option<String>,
    /// IANA timezone for created/updated times, e.g. "Asia/Tokyo". Defaults to the
    /// server's timezone (UTC unless BACKLOG_TIMEZONE says otherwise).
    #[serde(default)]
    pub timezone: Option<String>,
}

/// An issue in full, with its conversation.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct IssueDetails {
    #[serde(flatten)]
    pub summary: IssueSummary,
    pub description: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// Affected versions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimated_hours: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual_hours: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_user: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_user: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub custom_fields: Vec<CustomFieldView>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<AttachmentView>,
    /// The timezone times are given in.
    pub timezone: String,
    /// Every comment with text, oldest first.
    pub comments: Vec<CommentView>,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CustomFieldView {
    pub name: String,
    /// The value as text; list choices are joined with ", ".
    pub value: String,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentView {
    pub id: i64,
    pub name: String,
    /// Bytes.
    pub size: u64,
}

pub fn tool(app: Arc<AppContext>) -> CatalogEntry {
    structured_tool(
        INFO,
        move |args: GetIssueDetailsArgs, context: ToolContext| {
            let app = app.clone();
            async move { get_issue_details(&app, args, &context).await }
        },
    )
}

pub async fn get_issue_details(
    app: &AppContext,
    args: GetIssueDetailsArgs,
    _context: &ToolContext,
) -> Result<IssueDetails, ToolError> {
    let key = IssueKey::parse(&args.issue_key).map_err(|e| ToolError::argument("issue_key", e))?;
    let zone = validate::zone(args.timezone.as_deref(), app.default_zone)?;
    if let Some(title) = args.issue_title.as_deref() {
        tracing::info!(issue = %key, title, "get_issue_details");
    }
    let repo = app.backlog.issues.as_ref();
    let issue_ref = IssueRef::Key(key);
    let (issue, comments) =
        tokio::try_join!(repo.issue(&issue_ref), all_comments(repo, &issue_ref))?;
    let parents = parent_keys(repo, std::slice::from_ref(&issue)).await?;
    let view = ViewContext {
        zone,
        web_base_url: &app.web_base_url,
        parent_keys: &parents,
    };
    Ok(details(&issue, &comments, &view))
}

/// Every comment of the issue, oldest first, paging by comment id.
async fn all_comments(
    repo: &dyn IssueRepository,
    issue: &IssueRef,
) -> Result<Vec<Comment>, BacklogError> {
    let mut comments: Vec<Comment> = Vec::new();
    loop {
        let after = comments.last().map(|c| c.id);
        let page = CommentPage {
            min_id: after,
            max_id: None,
            count: PageSize::MAX,
            order: SortOrder::Asc,
        };
        let batch = repo.comments(issue, page).await?;
        let full_page = u64::try_from(batch.len()).unwrap_or(0) >= PageSize::MAX.get();
        let advanced = batch.last().map(|c| c.id) > after;
        comments.extend(batch);
        if !full_page || !advanced {
            return Ok(comments);
        }
    }
}

fn details(issue: &Issue, comments: &[Comment], view: &ViewContext<'_>) -> IssueDetails {
    IssueDetails {
        summary: IssueSummary::new(issue, view),
        description: issue.description.clone(),
        categories: issue.categories.iter().map(|c| c.name.clone()).collect(),
        versions: issue.versions.iter().map(|v| v.name.clone()).collect(),
        resolution: issue.resolution.as_ref().map(|r| r.name.clone()),
        estimated_hours: issue.estimated_hours,
        actual_hours: issue.actual_hours,
        created_user: issue.created_user.as_ref().map(|u| u.name.clone()),
        updated_user: issue.updated_user.as_ref().map(|u| u.name.clone()),
        custom_fields: issue
            .custom_fields
            .iter()
            .filter_map(|field| {
                custom_field_text(&field.value, field.other_value.as_deref()).map(|value| {
                    CustomFieldView {
                        name: field.name.clone(),
                        value,
                    }
                })
            })
            .collect(),
        attachments: issue
            .attachments
            .iter()
            .map(|a| AttachmentView {
                id: a.id.get(),
                name: a.name.clone(),
                size: a.size,
            })
            .collect(),
        timezone: view.zone.name().to_owned(),
        comments: comments
            .iter()
            .filter(|c| c.has_text())
            .map(|c| CommentView::new(c, view.zone))
            .collect(),
    }
}

fn custom_field_text(content: &CustomFieldContent, other: Option<&str>) -> Option<String> {
    let mut text = match content {
        CustomFieldContent::Empty => return other.map(str::to_owned),
        CustomFieldContent::Text(t) => t.clone(),
        CustomFieldContent::Number(n) => n.to_string(),
        CustomFieldContent::Date(d) => d.to_string(),
        CustomFieldContent::Items(items) => items
            .iter()
            .map(|i| i.name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    };
    if let Some(other) = other.filter(|o| !o.is_empty()) {
        text = format!("{text} ({other})");
    }
    Some(text)
}
