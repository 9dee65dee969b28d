//! Comments and attachments of the allowed projects' issues only: the issue is
//! checked before the request that would read or change them.

use super::forwarding::issue_checked;
use crate::domain::attachment_file::AttachmentFile;
use crate::domain::changes::NewComment;
use crate::domain::comment::Comment;
use crate::domain::ids::{AttachmentId, CommentId};
use crate::ports::{AttachmentRepository, CommentPage, CommentRepository};

issue_checked!(CommentRepository via comments {
    async fn comments(issue, page: CommentPage) -> Vec<Comment>;
    async fn add_comment(issue, comment: &NewComment) -> Comment;
    async fn update_comment(issue, comment: CommentId, content: &str) -> Comment;
});

issue_checked!(AttachmentRepository via attachments {
    async fn attachment(issue, attachment: AttachmentId, max_bytes: u64) -> AttachmentFile;
});
