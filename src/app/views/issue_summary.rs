use crate::domain::ids::IssueId;
use crate::domain::issue::{Issue, Named};
use crate::domain::keys::IssueKey;
use crate::domain::zone::DisplayZone;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::HashMap;

/// What rendering an issue needs besides the issue.
pub struct ViewContext<'a> {
    pub zone: DisplayZone,
    pub web_base_url: &'a str,
    /// Keys of parent issues, by id.
    pub parent_keys: &'a HashMap<IssueId, IssueKey>,
}

/// One issue in a list.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct IssueSummary {
    /// The issue key, e.g. WEB-42.
    pub issue_key: String,
    pub summary: String,
    /// Status name, e.g. "In Progress" or "処理中".
    pub status: String,
    pub issue_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    /// Assignee's name; absent when nobody is assigned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assignee: Option<String>,
    /// YYYY-MM-DD.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// YYYY-MM-DD.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_date: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_issue_key: Option<String>,
    /// When it was created, in the requested timezone with its offset.
    pub created: String,
    /// When it last changed, in the requested timezone with its offset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// The issue's page in Backlog.
    pub url: String,
}

impl IssueSummary {
    pub fn new(issue: &Issue, view: &ViewContext<'_>) -> Self {
        Self {
            issue_key: issue.key.to_string(),
            summary: issue.summary.clone(),
            status: issue.status.name.clone(),
            issue_type: issue.issue_type.name.clone(),
            priority: issue.priority.as_ref().map(|p| p.name.clone()),
            assignee: issue.assignee.as_ref().map(|a| a.name.clone()),
            start_date: issue.start_date.map(|d| d.to_string()),
            due_date: issue.due_date.map(|d| d.to_string()),
            milestones: names(&issue.milestones),
            parent_issue_key: issue
                .parent_issue_id
                .and_then(|id| view.parent_keys.get(&id))
                .map(ToString::to_string),
            created: view.zone.format_instant(issue.created),
            updated: issue.updated.map(|u| view.zone.format_instant(u)),
            url: format!("{}/view/{}", view.web_base_url, issue.key),
        }
    }
}

pub fn names<I>(named: &[Named<I>]) -> Vec<String> {
    named.iter().map(|n| n.name.clone()).collect()
}
