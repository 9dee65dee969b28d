use crate::app::tooling::FieldView;
use crate::app::views::comment_view::ChangeView;
use crate::app::views::entity_views::field_view;
use crate::domain::activity::{Activity, activity_type_name};
use crate::domain::zone::DisplayZone;
use schemars::JsonSchema;
use serde::Serialize;

/// One recent update.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ActivityView {
    pub id: i64,
    /// What happened, e.g. IssueUpdated, WikiCreated, GitPushed.
    #[serde(rename = "type")]
    pub kind: String,
    pub type_id: i64,
    /// The project key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue_key: Option<String>,
    /// The issue summary, page name, pull request or repository it is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<ChangeView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_user: Option<String>,
    /// In the requested timezone with its offset.
    pub created: String,
}

field_view!(ActivityView, key: ["id"],
    default: ["id", "type", "project", "issueKey", "title", "comment", "changes", "createdUser", "created"],
    all: ["id", "type", "typeId", "project", "issueKey", "title", "comment", "changes", "createdUser", "created"]);

impl ActivityView {
    pub fn new(activity: &Activity, zone: DisplayZone) -> Self {
        let project = activity.project.as_ref();
        Self {
            id: activity.id.get(),
            kind: activity_type_name(activity.type_id)
                .map_or_else(|| format!("Type{}", activity.type_id), str::to_owned),
            type_id: activity.type_id,
            project: project.map(|p| p.key.to_string()),
            issue_key: project
                .zip(activity.content.issue_number)
                .map(|(p, n)| format!("{}-{n}", p.key)),
            title: activity.content.title.clone(),
            comment: activity
                .content
                .comment
                .clone()
                .filter(|c| !c.trim().is_empty()),
            changes: activity
                .content
                .changes
                .iter()
                .map(ChangeView::from)
                .collect(),
            created_user: activity.created_user.as_ref().map(|u| u.name.clone()),
            created: zone.format_instant(activity.created),
        }
    }
}
