//! Comments on issues, including the change log Backlog records with them.

use super::ids::{AttachmentId, CommentId};
use super::issue::Named;
use super::user::UserRef;
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    pub id: CommentId,
    pub content: String,
    pub change_log: Vec<ChangeLogEntry>,
    /// The users Backlog notified of the comment.
    pub notified: Vec<UserRef>,
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
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ChangeLogEntry {
    pub field: String,
    pub original_value: Option<String>,
    pub new_value: Option<String>,
    /// The file an `attachment` change added or removed (its id fetches it).
    pub attachment: Option<Named<AttachmentId>>,
    /// What a `notification` entry was sent for, e.g. `issue.create`.
    pub notification: Option<String>,
}

impl ChangeLogEntry {
    /// A change of `field` from `original` to `new`, with nothing attached.
    pub fn new(
        field: impl Into<String>,
        original_value: Option<String>,
        new_value: Option<String>,
    ) -> Self {
        Self {
            field: field.into(),
            original_value,
            new_value,
            ..Self::default()
        }
    }
}
