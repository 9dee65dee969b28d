//! Activities ("recent updates"). Their `content` uses snake_case keys and a
//! shape that depends on the activity type, so it is read from a JSON value:
//! whatever is recognised is kept, anything else yields an empty content.

use super::{WireError, WireResult, WireUser, id};
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

/// Issue: `key_id`, `summary`, `comment.content`, `changes[]`; wiki: `name`;
/// pull request: `summary`, `comment.content`, `changes[]`; git push:
/// `repository.name`.
fn activity_content(content: &Value) -> ActivityContent {
    let Some(object) = content.as_object() else {
        return ActivityContent::default();
    };
    let title = ["summary", "name"]
        .iter()
        .find_map(|key| non_empty_text(object.get(*key)))
        .or_else(|| non_empty_text(content.pointer("/repository/name")));
    ActivityContent {
        issue_number: object
            .get("key_id")
            .and_then(Value::as_u64)
            .filter(|n| *n > 0),
        title,
        comment: non_empty_text(content.pointer("/comment/content")),
        changes: object
            .get("changes")
            .and_then(Value::as_array)
            .map(|changes| changes.iter().filter_map(change).collect())
            .unwrap_or_default(),
    }
}

/// `{field, new_value, old_value, type}`; values may be strings, numbers or null.
fn change(value: &Value) -> Option<ChangeLogEntry> {
    let field = value.get("field")?.as_str()?.to_owned();
    Some(ChangeLogEntry {
        field,
        original_value: scalar_text(value.get("old_value")),
        new_value: scalar_text(value.get("new_value")),
    })
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
            vec![ChangeLogEntry {
                field: "status".into(),
                original_value: Some("1".into()),
                new_value: Some("4".into()),
            }]
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
            r#"{"key_id": "x", "summary": 3, "comment": "flat", "changes": {"a": 1}}"#,
        ] {
            assert_eq!(content(odd), ActivityContent::default(), "{odd}");
        }
        let partial = content(
            r#"{"changes": [{"new_value": 1}, {"field": "assignee", "new_value": null, "old_value": 7}]}"#,
        );
        assert_eq!(partial.changes.len(), 1);
        assert_eq!(partial.changes[0].original_value.as_deref(), Some("7"));
    }
}
