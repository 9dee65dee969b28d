use super::{WireResult, WireUser, id};
use crate::domain::comment::{ChangeLogEntry, Comment};
use crate::domain::ids::CommentId;
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
                .map(|c| ChangeLogEntry {
                    field: c.field,
                    original_value: c.original_value,
                    new_value: c.new_value,
                })
                .collect(),
            created_user: self.created_user.map(WireUser::into_ref).transpose()?,
            created: self.created,
            updated: self.updated,
        })
    }
}
