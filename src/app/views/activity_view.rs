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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::activity::{ActivityContent, ActivityProject};
    use crate::domain::ids::{ActivityId, ProjectId, SharedFileId, UserId};
    use crate::domain::issue::SharedFile;
    use crate::domain::keys::ProjectKey;
    use crate::domain::user::UserRef;
    use chrono::{TimeZone, Utc};
    use serde_json::{Value, json};

    fn shown(type_id: i64, content: ActivityContent) -> Value {
        let activity = Activity {
            id: ActivityId::new(1).unwrap(),
            type_id,
            project: Some(ActivityProject {
                id: ProjectId::new(1).unwrap(),
                key: ProjectKey::parse("SUB").unwrap(),
                name: "Sub".into(),
            }),
            content,
            created_user: None,
            created: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        };
        let mut view =
            serde_json::to_value(ActivityView::new(&activity, DisplayZone::UTC)).unwrap();
        for bookkeeping in ["id", "type", "typeId", "project", "created"] {
            view.as_object_mut().unwrap().remove(bookkeeping);
        }
        view
    }

    fn file(dir: &str, name: &str, is_directory: bool, size: Option<u64>) -> SharedFile {
        SharedFile {
            id: SharedFileId::new(1).unwrap(),
            dir: dir.into(),
            name: name.into(),
            is_directory,
            size,
        }
    }

    #[test]
    fn a_pull_request_shows_its_number_repository_and_linked_issue() {
        let view = shown(
            18,
            ActivityContent {
                issue_number: Some(277),
                title: Some("Fix Safari login".into()),
                pull_request_number: Some(112),
                repository: Some("app".into()),
                ..ActivityContent::default()
            },
        );
        assert_eq!(
            view,
            json!({"issueKey": "SUB-277", "title": "Fix Safari login", "pullRequest": 112, "repository": "app"})
        );
    }

    #[test]
    fn members_files_revisions_and_linked_shared_files_are_shown() {
        let members = shown(
            16,
            ActivityContent {
                users: vec![UserRef {
                    id: UserId::new(3).unwrap(),
                    name: "Taro Sato".into(),
                }],
                comment: Some("Moved to APP".into()),
                ..ActivityContent::default()
            },
        );
        assert_eq!(
            members,
            json!({"users": ["Taro Sato"], "comment": "Moved to APP"})
        );
        let added = shown(
            8,
            ActivityContent {
                title: Some("spec.pdf".into()),
                file: Some(file("/specs/", "spec.pdf", false, Some(2718))),
                ..ActivityContent::default()
            },
        );
        assert_eq!(
            added,
            json!({"title": "spec.pdf", "directory": "/specs/", "size": 2718})
        );
        let svn = shown(
            11,
            ActivityContent {
                revision: Some(1024),
                comment: Some("Fix".into()),
                ..ActivityContent::default()
            },
        );
        assert_eq!(svn, json!({"revision": 1024, "comment": "Fix"}));
        let linked = shown(
            2,
            ActivityContent {
                issue_number: Some(121),
                shared_files: vec![
                    file("/specs/", "spec.pdf", false, None),
                    file("/specs/", "v2", true, None),
                ],
                ..ActivityContent::default()
            },
        );
        assert_eq!(
            linked,
            json!({"issueKey": "SUB-121", "sharedFiles": ["/specs/spec.pdf", "/specs/v2/"]})
        );
    }

    #[test]
    fn a_git_activity_names_its_repository_once() {
        let push = shown(
            12,
            ActivityContent {
                title: Some("web-frontend".into()),
                repository: Some("web-frontend".into()),
                ..ActivityContent::default()
            },
        );
        assert_eq!(push, json!({"title": "web-frontend"}));
    }
}
