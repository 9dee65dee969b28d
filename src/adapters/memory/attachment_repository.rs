//! Issues' attachments (the behaviour is in `attachments`).

use super::served_by_space::served_by_space;
use crate::domain::attachment_file::AttachmentFile;
use crate::domain::ids::AttachmentId;
use crate::ports::{AttachmentRepository, IssueRef};

served_by_space!(AttachmentRepository {
    read attachment(issue: &IssueRef, attachment: AttachmentId, max_bytes: u64) -> AttachmentFile;
});
