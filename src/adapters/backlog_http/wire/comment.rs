use super::{WireResult, WireUser, id};
use crate::domain::comment::{ChangeLogEntry, Comment};
use crate::domain::ids::{AttachmentId, CommentId};
use crate::domain::issue::Named;
use chrono::{DateTime, Utc};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireComment {
    pub id: i64,
    #[serde(default)]
    pub content: Option<String>,
    #[serde(default)]
    pub change_log: Option<Vec<WireChangeLog>>,
    /// `{id, alreadyRead, reason, user, resourceAlreadyRead}` per notified user.
    #[serde(default)]
    pub notifications: Option<Vec<WireCommentNotification>>,
    #[serde(default)]
    pub created_user: Option<WireUser>,
    pub created: DateTime<Utc>,
    #[serde(default)]
    pub updated: Option<DateTime<Utc>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireChangeLog {
    #[serde(default)]
    pub field: String,
    #[serde(default)]
    pub new_value: Option<String>,
    #[serde(default)]
    pub original_value: Option<String>,
    #[serde(default)]
    pub attachment_info: Option<WireAttachmentInfo>,
    #[serde(default)]
    pub notification_info: Option<WireNotificationInfo>,
}

#[derive(Debug, Deserialize)]
pub struct WireAttachmentInfo {
    pub id: i64,
    #[serde(default)]
    pub name: String,
}

#[derive(Debug, Deserialize)]
pub struct WireNotificationInfo {
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct WireCommentNotification {
    #[serde(default)]
    pub user: Option<WireUser>,
}

impl WireComment {
    pub fn into_comment(self) -> WireResult<Comment> {
        Ok(Comment {
            id: id("comment id", self.id, CommentId::new)?,
            content: self.content.unwrap_or_default(),
            change_log: self
                .change_log
                .unwrap_or_default()
                .into_iter()
                .map(WireChangeLog::into_entry)
                .collect::<WireResult<_>>()?,
            notified: self
                .notifications
                .unwrap_or_default()
                .into_iter()
                .filter_map(|notification| notification.user)
                .map(WireUser::into_ref)
                .collect::<WireResult<_>>()?,
            created_user: self.created_user.map(WireUser::into_ref).transpose()?,
            created: self.created,
            updated: self.updated,
        })
    }
}

impl WireChangeLog {
    fn into_entry(self) -> WireResult<ChangeLogEntry> {
        Ok(ChangeLogEntry {
            field: self.field,
            original_value: self.original_value,
            new_value: self.new_value,
            attachment: self
                .attachment_info
                .map(|info| {
                    id("attachment id", info.id, AttachmentId::new)
                        .map(|attachment| Named::new(attachment, info.name))
                })
                .transpose()?,
            notification: self
                .notification_info
                .and_then(|info| info.kind)
                .filter(|kind| !kind.is_empty()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// backlog4j's captured `GET /issues/:k/comments`.
    const CAPTURED: &str = r#"[
      {"id": 1102837675, "content": "こめ",
       "changeLog": [{"field": "description", "newValue": "*銀行振込：30件", "originalValue": "*銀行振込：33件",
                      "attachmentInfo": {"id": 1123344555, "name": "hogehoge"}, "attributeInfo": null,
                      "notificationInfo": {"type": "issue.create"}}],
       "createdUser": {"id": 1073939430, "name": "test test admin", "roleType": 1, "lang": null, "mailAddress": "test@test.test"},
       "created": "2014-07-30T03:54:21Z", "updated": "2014-07-30T03:54:21Z", "stars": [],
       "notifications": [{"id": 14751874, "alreadyRead": false, "reason": 2,
                          "user": {"id": 1073936936, "name": "test", "roleType": 1, "lang": null, "mailAddress": "test@test.test"},
                          "resourceAlreadyRead": false}]},
      {"id": 1102836944, "content": "コメント",
       "changeLog": [{"field": "status", "newValue": "処理中", "originalValue": "未対応",
                      "attachmentInfo": null, "attributeInfo": null, "notificationInfo": null}],
       "createdUser": {"id": 1073939430, "name": "test test admin"},
       "created": "2014-07-30T03:44:46Z", "updated": "2014-07-30T03:44:46Z", "stars": [], "notifications": []}
    ]"#;

    #[test]
    fn change_logs_keep_attachment_and_notification_info_and_the_notified_users() {
        let wire: Vec<WireComment> = serde_json::from_str(CAPTURED).unwrap();
        let comments: Vec<Comment> = wire
            .into_iter()
            .map(|c| c.into_comment().unwrap())
            .collect();
        let entry = &comments[0].change_log[0];
        assert_eq!(
            entry.attachment,
            Some(Named::new(
                AttachmentId::new(1_123_344_555).unwrap(),
                "hogehoge"
            ))
        );
        assert_eq!(entry.notification.as_deref(), Some("issue.create"));
        assert_eq!(comments[0].notified.len(), 1);
        assert_eq!(comments[0].notified[0].name, "test");
        let plain = &comments[1].change_log[0];
        assert_eq!(
            (plain.attachment.as_ref(), plain.notification.as_ref()),
            (None, None)
        );
        assert_eq!(plain.new_value.as_deref(), Some("処理中"));
        assert!(comments[1].notified.is_empty());
    }

    #[test]
    fn a_comment_added_without_a_change_log_converts() {
        let wire: WireComment = serde_json::from_str(
            r#"{"id": 1, "content": "x", "changeLog": null, "notifications": null,
                "created": "2024-06-03T10:02:17Z"}"#,
        )
        .unwrap();
        let comment = wire.into_comment().unwrap();
        assert!(comment.change_log.is_empty() && comment.notified.is_empty());
    }
}
