//! Comments on issues, including the change log Backlog records with them.

use super::ids::CommentId;
use super::user::UserRef;
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    pub id: CommentId,
    pub content: String,
    pub change_log: Vec<ChangeLogEntry>,
    pub created_user: Option<UserRef>,
    pub created: DateTime<Utc>,
    pub updated: Option<DateTime<Utc>>,
}

impl Comment {
    /// Backlog writes a comment for every field change; those without text only
    /// repeat the change log and are noise in a conversation.
    pub fn has_text(&self) -> bool {
        !self.content.trim().is_empty()
    }
}

/// One field change recorded with a comment, values as Backlog displays them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeLogEntry {
    pub field: String,
    pub original_value: Option<String>,
    pub new_value: Option<String>,
}
