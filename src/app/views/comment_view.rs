use crate::app::tooling::FieldView;
use crate::app::views::entity_views::field_view;
use crate::domain::comment::{ChangeLogEntry, Comment};
use crate::domain::zone::DisplayZone;
use schemars::JsonSchema;
use serde::Serialize;

/// A comment with its author and time.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CommentView {
    pub id: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// In the requested timezone with its offset.
    pub created: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    pub content: String,
    /// Field changes recorded with the comment.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub change_log: Vec<ChangeView>,
    /// The users Backlog notified of the comment, by name.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notified: Vec<String>,
}

/// One recorded change: a field, its value before and after.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ChangeView {
    pub field: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// An attachment change: the file's id (get_issue_attachment fetches it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attachment_id: Option<i64>,
    /// A notification entry: what it was sent for, e.g. issue.create.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notification: Option<String>,
}

impl ChangeView {
    /// A change computed by this server (not recorded by Backlog).
    pub fn new(field: impl Into<String>, from: Option<String>, to: Option<String>) -> Self {
        Self {
            field: field.into(),
            from,
            to,
            attachment_id: None,
            notification: None,
        }
    }
}

/// Backlog's change-log names for fields, and the names the views use.
const FIELD_NAMES: [(&str, &str); 8] = [
    ("assigner", "assignee"),
    ("limitDate", "dueDate"),
    ("component", "categories"),
    ("version", "versions"),
    ("milestone", "milestones"),
    ("parentIssue", "parentIssueKey"),
    ("estimatedHours", "estimatedHours"),
    ("actualHours", "actualHours"),
];

impl From<&ChangeLogEntry> for ChangeView {
    fn from(change: &ChangeLogEntry) -> Self {
        let field = FIELD_NAMES
            .iter()
            .find(|(backlog, _)| *backlog == change.field)
            .map_or_else(|| change.field.clone(), |(_, ours)| (*ours).to_owned());
        Self {
            field,
            from: change.original_value.clone().filter(|v| !v.is_empty()),
            to: change.new_value.clone().filter(|v| !v.is_empty()),
            attachment_id: change.attachment.as_ref().map(|a| a.id.get()),
            notification: change.notification.clone(),
        }
    }
}

field_view!(CommentView, key: ["id"], default: ["id", "author", "created", "content", "changeLog", "notified"],
    all: ["id", "author", "created", "updated", "content", "changeLog", "notified"]);

impl CommentView {
    pub fn new(comment: &Comment, zone: DisplayZone) -> Self {
        Self {
            id: comment.id.get(),
            author: comment.created_user.as_ref().map(|u| u.name.clone()),
            created: zone.format_instant(comment.created),
            updated: comment
                .updated
                .filter(|u| *u != comment.created)
                .map(|u| zone.format_instant(u)),
            content: comment.content.clone(),
            change_log: comment.change_log.iter().map(ChangeView::from).collect(),
            notified: comment.notified.iter().map(|u| u.name.clone()).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backlog_change_log_names_become_the_view_names() {
        let change =
            |field: &str| ChangeLogEntry::new(field, Some("a".into()), Some(String::new()));
        assert_eq!(ChangeView::from(&change("assigner")).field, "assignee");
        assert_eq!(ChangeView::from(&change("limitDate")).field, "dueDate");
        assert_eq!(ChangeView::from(&change("status")).field, "status");
        assert_eq!(
            ChangeView::from(&change("status")).to,
            None,
            "empty values are left out"
        );
    }

    #[test]
    fn attachment_and_notification_entries_and_the_notified_users_are_shown() {
        use crate::domain::ids::{AttachmentId, CommentId, UserId};
        use crate::domain::issue::Named;
        use crate::domain::user::UserRef;
        use chrono::{TimeZone, Utc};
        let comment = Comment {
            id: CommentId::new(1).unwrap(),
            content: "Screenshot attached".into(),
            change_log: vec![
                ChangeLogEntry {
                    attachment: Some(Named::new(AttachmentId::new(901).unwrap(), "safari.png")),
                    ..ChangeLogEntry::new("attachment", None, Some("safari.png".into()))
                },
                ChangeLogEntry {
                    notification: Some("issue.update".into()),
                    ..ChangeLogEntry::new("notification", None, None)
                },
                ChangeLogEntry::new("status", Some("Open".into()), Some("Resolved".into())),
            ],
            notified: vec![UserRef {
                id: UserId::new(5).unwrap(),
                name: "Aiko Tanaka".into(),
            }],
            created_user: None,
            created: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
            updated: None,
        };
        let view = serde_json::to_value(CommentView::new(&comment, DisplayZone::UTC)).unwrap();
        assert_eq!(
            view["changeLog"],
            serde_json::json!([
                {"field": "attachment", "to": "safari.png", "attachmentId": 901},
                {"field": "notification", "notification": "issue.update"},
                {"field": "status", "from": "Open", "to": "Resolved"},
            ])
        );
        assert_eq!(view["notified"], serde_json::json!(["Aiko Tanaka"]));
        let quiet = Comment {
            notified: vec![],
            ..comment
        };
        let view = serde_json::to_value(CommentView::new(&quiet, DisplayZone::UTC)).unwrap();
        assert!(view.get("notified").is_none());
    }
}
