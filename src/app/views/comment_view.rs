use crate::domain::comment::Comment;
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
    pub content: String,
}

impl CommentView {
    pub fn new(comment: &Comment, zone: DisplayZone) -> Self {
        Self {
            id: comment.id.get(),
            author: comment.created_user.as_ref().map(|u| u.name.clone()),
            created: zone.format_instant(comment.created),
            content: comment.content.clone(),
        }
    }
}
