//! Issues' attachments (the behaviour is in `attachments`).

use super::MemoryBacklog;
use crate::domain::attachment_file::AttachmentFile;
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::AttachmentId;
use crate::ports::{AttachmentRepository, IssueRef};
use async_trait::async_trait;

#[async_trait]
impl AttachmentRepository for MemoryBacklog {
    async fn attachment(
        &self,
        issue: &IssueRef,
        attachment: AttachmentId,
        max_bytes: u64,
    ) -> Result<AttachmentFile, BacklogError> {
        self.read().attachment(issue, attachment, max_bytes)
    }
}
