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
    /// The issue it is about; for a pull request, the issue it is linked to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue_key: Option<String>,
    /// The issue summary, page name, pull request, file or repository it is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A pull request's number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pull_request: Option<u64>,
    /// The git repository of a pull request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repository: Option<String>,
    /// A shared file's directory, e.g. /docs/specs/.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub directory: Option<String>,
    /// A shared file's size in bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    /// A Subversion revision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<u64>,
    /// The users added to or removed from the project.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub users: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Changed fields, values by name.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<ChangeView>,
    /// Shared files linked to the issue, by path.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub shared_files: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_user: Option<String>,
    /// In the requested timezone with its offset.
    pub created: String,
}

field_view!(ActivityView, key: ["id"],
    default: ["id", "type", "project", "issueKey", "title", "pullRequest", "repository", "directory",
              "size", "revision", "users", "comment", "changes", "sharedFiles", "createdUser", "created"],
    all: ["id", "type", "typeId", "project", "issueKey", "title", "pullRequest", "repository",
          "directory", "size", "revision", "users", "comment", "changes", "sharedFiles", "createdUser",
          "created"]);

impl ActivityView {
    pub fn new(activity: &Activity, zone: DisplayZone) -> Self {
        let project = activity.project.as_ref();
        let content = &activity.content;
        Self {
            id: activity.id.get(),
            kind: activity_type_name(activity.type_id)
                .map_or_else(|| format!("Type{}", activity.type_id), str::to_owned),
            type_id: activity.type_id,
            project: project.map(|p| p.key.to_string()),
            issue_key: project
                .zip(content.issue_number)
                .map(|(p, n)| format!("{}-{n}", p.key)),
            title: content.title.clone(),
            pull_request: content.pull_request_number,
            // A git activity's title already is its repository.
            repository: content
                .repository
                .clone()
                .filter(|repository| content.title.as_ref() != Some(repository)),
            directory: content.file.as_ref().map(|f| f.dir.clone()),
            size: content.file.as_ref().and_then(|f| f.size),
            revision: content.revision,
            users: content.users.iter().map(|u| u.name.clone()).collect(),
            comment: content.comment.clone().filter(|c| !c.trim().is_empty()),
            changes: content.changes.iter().map(ChangeView::from).collect(),
            shared_files: content.shared_files.iter().map(|f| f.path()).collect(),
            created_user: activity.created_user.as_ref().map(|u| u.name.clone()),
            created: zone.format_instant(activity.created),
        }
    }
}
