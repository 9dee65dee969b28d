//! Activities ("recent updates"). Their `content` uses snake_case keys and a
//! shape that depends on the activity type, so it is read from a JSON value:
//! whatever is recognised is kept, anything else yields an empty content.

use super::{WireError, WireResult, WireSharedFile, WireUser, id};
use crate::domain::activity::{Activity, ActivityContent, ActivityProject};
use crate::domain::comment::ChangeLogEntry;
use crate::domain::ids::{ActivityId, ProjectId};
use crate::domain::keys::ProjectKey;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireActivity {
    pub id: i64,
    #[serde(default)]
    pub project: Option<WireActivityProject>,
    #[serde(rename = "type")]
    pub type_id: i64,
    #[serde(default)]
    pub content: Value,
    #[serde(default)]
    pub created_user: Option<WireUser>,
    pub created: DateTime<Utc>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireActivityProject {
    pub id: i64,
    #[serde(default)]
    pub project_key: Option<String>,
    #[serde(default)]
    pub name: String,
}

impl WireActivity {
    pub fn into_activity(self) -> WireResult<Activity> {
        Ok(Activity {
            id: id("activity id", self.id, ActivityId::new)?,
            type_id: self.type_id,
            project: self
                .project
                .map(WireActivityProject::into_project)
                .transpose()?
                .flatten(),
            content: activity_content(&self.content),
            created_user: self.created_user.map(WireUser::into_ref).transpose()?,
            created: self.created,
        })
    }
}

impl WireActivityProject {
    /// The project, or `None` when Backlog left out its key.
    fn into_project(self) -> WireResult<Option<ActivityProject>> {
        let Some(key) = self.project_key else {
            return Ok(None);
        };
        Ok(Some(ActivityProject {
            id: id("activity project id", self.id, ProjectId::new)?,
            key: ProjectKey::parse(&key)
                .map_err(|e| WireError(format!("activity project key: {e}")))?,
            name: self.name,
        }))
    }
}

/// Issue: `key_id`, `summary`, `comment.content`, `changes[]`, `shared_files[]`;
/// wiki: `name`; file: `dir`, `name`, `size`; Subversion: `rev`, `comment`;
/// project members: `users[]`, `comment`; pull request: `number`, `summary`,
/// `comment.content`, `changes[]`, `issue.key_id`, `repository.name`; git
/// push: `repository.name`.
fn activity_content(content: &Value) -> ActivityContent {
    let Some(object) = content.as_object() else {
        return ActivityContent::default();
    };
    let title = ["summary", "name"]
        .iter()
        .find_map(|key| non_empty_text(object.get(*key)))
        .or_else(|| non_empty_text(content.pointer("/repository/name")));
    let positive = |value: Option<&Value>| value.and_then(Value::as_u64).filter(|n| *n > 0);
    let list = |key: &str| {
        object
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
    };
    ActivityContent {
        issue_number: positive(object.get("key_id"))
            .or_else(|| positive(content.pointer("/issue/key_id"))),
        title,
        comment: non_empty_text(content.pointer("/comment/content"))
            .or_else(|| non_empty_text(object.get("comment"))),
        changes: list("changes").filter_map(change).collect(),
        users: list("users")
            .filter_map(|user| WireUser::deserialize(user).ok()?.into_ref().ok())
            .collect(),
        pull_request_number: positive(object.get("number")),
        repository: non_empty_text(content.pointer("/repository/name")),
        file: object
            .contains_key("dir")
            .then(|| WireSharedFile::from_value(content))
            .flatten(),
        revision: positive(object.get("rev")),
        shared_files: list("shared_files")
            .filter_map(WireSharedFile::from_value)
            .collect(),
    }
}

/// `{field, new_value, old_value, type}`; values may be strings, numbers or null.
fn change(value: &Value) -> Option<ChangeLogEntry> {
    let field = value.get("field")?.as_str()?.to_owned();
    Some(ChangeLogEntry::new(
        field,
        scalar_text(value.get("old_value")),
        scalar_text(value.get("new_value")),
    ))
}

fn non_empty_text(value: Option<&Value>) -> Option<String> {
    value
        .and_then(Value::as_str)
        .filter(|text| !text.trim().is_empty())
        .map(str::to_owned)
}

fn scalar_text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Null | Value::Array(_) | Value::Object(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(json: &str) -> ActivityContent {
        activity_content(&serde_json::from_str(json).unwrap())
    }

    #[test]
    fn the_documented_issue_update_converts() {
        let wire: WireActivity = serde_json::from_str(
            r#"{"id": 3153, "project": {"id": 92, "projectKey": "SUB", "name": "Subtasking", "chartEnabled": true},
                "type": 2,
                "content": {"id": 4809, "key_id": 121, "summary": "Comment", "description": "",
                            "comment": {"id": 7237, "content": ""},
                            "changes": [{"field": "status", "new_value": "4", "old_value": "1", "type": "standard"}]},
                "notifications": [], "createdUser": {"id": 1, "userId": "admin", "name": "Admin"},
                "created": "2013-12-27T07:50:44Z"}"#,
        )
        .unwrap();
        let activity = wire.into_activity().unwrap();
        assert_eq!(activity.type_id, 2);
        assert_eq!(activity.project.unwrap().key.as_str(), "SUB");
        assert_eq!(activity.content.issue_number, Some(121));
        assert_eq!(activity.content.title.as_deref(), Some("Comment"));
        assert_eq!(activity.content.comment, None);
        assert_eq!(
            activity.content.changes,
            vec![ChangeLogEntry::new(
                "status",
                Some("1".into()),
                Some("4".into())
            )]
        );
    }

    #[test]
    fn wiki_pull_request_and_git_contents_give_a_title() {
        let wiki = content(
            r#"{"id": 5, "name": "Release checklist", "content": "x", "diff": "", "version": 3}"#,
        );
        assert_eq!(wiki.title.as_deref(), Some("Release checklist"));
        assert_eq!(wiki.issue_number, None);
        let pr = content(
            r#"{"id": 2, "number": 17, "summary": "Fix Safari login", "description": "",
                "comment": {"id": 9, "content": "LGTM"}, "changes": [], "issue": null,
                "repository": {"id": 868, "name": "web-frontend", "description": ""}}"#,
        );
        assert_eq!(pr.title.as_deref(), Some("Fix Safari login"));
        assert_eq!(pr.comment.as_deref(), Some("LGTM"));
        let push = content(
            r#"{"repository": {"id": 868, "name": "web-frontend"}, "change_type": "update",
                "revision_type": "commit", "ref": "refs/heads/main", "revision_count": 1,
                "revisions": [{"rev": "abc", "comment": "fix"}]}"#,
        );
        assert_eq!(push.title.as_deref(), Some("web-frontend"));
    }

    #[test]
    fn unknown_shapes_become_an_empty_content() {
        for odd in [
            "null",
            "[]",
            "\"text\"",
            "{}",
            r#"{"key_id": "x", "summary": 3, "comment": 5, "changes": {"a": 1}}"#,
        ] {
            assert_eq!(content(odd), ActivityContent::default(), "{odd}");
        }
        let partial = content(
            r#"{"changes": [{"new_value": 1}, {"field": "assignee", "new_value": null, "old_value": 7}]}"#,
        );
        assert_eq!(partial.changes.len(), 1);
        assert_eq!(partial.changes[0].original_value.as_deref(), Some("7"));
    }

    fn captured(json: &str) -> Activity {
        serde_json::from_str::<WireActivity>(json)
            .unwrap()
            .into_activity()
            .unwrap()
    }

    #[test]
    fn project_members_added_are_named_with_the_note() {
        // backlog4j's captured type 15.
        let activity = captured(
            r#"{"id": 623680, "project": {"id": 2303, "projectKey": "TEST_PRJ1406182757086", "name": "テストプロジェクト", "archived": true},
                "type": 15,
                "content": {"users": [{"id": 1073751782, "userId": "test_user", "name": "いっぱんさん", "roleType": 2, "lang": null, "mailAddress": "test@test.test"}],
                            "group_project_activities": [{"id": 623680, "type": 15}, {"id": 623681, "type": 15}],
                            "comment": "Welcome aboard"},
                "createdUser": {"id": 1073751775, "userId": "test_admin", "name": "あどみにさん"},
                "created": "2014-07-31T02:14:05Z"}"#,
        );
        let names: Vec<_> = activity
            .content
            .users
            .iter()
            .map(|u| u.name.as_str())
            .collect();
        assert_eq!(names, ["いっぱんさん"]);
        assert_eq!(activity.content.comment.as_deref(), Some("Welcome aboard"));
        assert_eq!(activity.content.title, None);
    }

    #[test]
    fn a_pull_request_keeps_its_number_repository_and_linked_issue() {
        // backlog4j's captured type 18.
        let activity = captured(
            r#"{"id": 623559, "project": {"id": 151, "projectKey": "TST", "name": "Test"},
                "type": 18,
                "content": {"id": 148, "number": 112, "summary": "アイコンとトグルのデザイン最適化",
                            "description": "マージおねがいします！", "comment": null, "changes": [],
                            "issue": {"id": 77777777, "key_id": 277, "summary": "test issue for PR", "description": ""},
                            "repository": {"id": 3, "name": "app", "description": "リポジトリ"}},
                "notifications": [], "createdUser": {"id": 22222222, "userId": null, "name": "test"},
                "created": "2015-05-18T07:31:56Z"}"#,
        );
        let pr = &activity.content;
        assert_eq!(pr.pull_request_number, Some(112));
        assert_eq!(pr.repository.as_deref(), Some("app"));
        assert_eq!(pr.issue_number, Some(277));
        assert_eq!(
            pr.title.as_deref(),
            Some("アイコンとトグルのデザイン最適化")
        );
        let without_issue = content(
            r#"{"id": 148, "number": 113, "summary": "s", "comment": {"id": 579, "content": "Merged"},
                "changes": [{"field": "status", "new_value": "3", "old_value": "1"}], "issue": null,
                "repository": {"id": 3, "name": "app"}}"#,
        );
        assert_eq!(without_issue.issue_number, None);
        assert_eq!(without_issue.comment.as_deref(), Some("Merged"));
        assert_eq!(without_issue.changes.len(), 1);
    }

    #[test]
    fn file_and_subversion_activities_keep_the_directory_size_and_revision() {
        // backlog4j's captured type 8.
        let file = content(
            r#"{"id": 1074321613, "dir": "/test/テストフォルダ/", "name": "00_default_bg.gif", "size": 2718}"#,
        );
        let shared = file.file.unwrap();
        assert_eq!(
            (shared.dir.as_str(), shared.size),
            ("/test/テストフォルダ/", Some(2718))
        );
        assert_eq!(file.title.as_deref(), Some("00_default_bg.gif"));
        let svn = content(r#"{"rev": 1024, "comment": "Fix the build"}"#);
        assert_eq!(svn.revision, Some(1024));
        assert_eq!(svn.comment.as_deref(), Some("Fix the build"));
    }

    #[test]
    fn shared_files_linked_by_an_issue_update_are_kept() {
        let update = content(
            r#"{"id": 4809, "key_id": 121, "summary": "Spec", "description": "",
                "comment": {"id": 7237, "content": ""},
                "changes": [{"field": "shared_file", "new_value": "spec.pdf", "old_value": "", "type": "standard"}],
                "attachments": [], "external_file_links": [],
                "shared_files": [{"id": 454403, "type": "file", "dir": "/specs/", "name": "spec.pdf", "size": 30213},
                                 {"name": "no id"}]}"#,
        );
        let paths: Vec<String> = update.shared_files.iter().map(|f| f.path()).collect();
        assert_eq!(paths, ["/specs/spec.pdf"]);
        assert_eq!(update.file, None);
    }
}
