//! A downloaded attachment.

/// An attachment's bytes with what Backlog said about them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentFile {
    pub file_name: String,
    /// The `Content-Type` Backlog sent, if any.
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}
