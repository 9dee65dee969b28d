//! Files attached to issues.

use super::IssueRef;
use super::addressed_port::addressed_port;
use crate::domain::attachment_file::AttachmentFile;
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::AttachmentId;
use async_trait::async_trait;

addressed_port! {
    /// Access to the files attached to an issue.
    ///
    /// Error contract: an issue or attachment that does not exist MUST be
    /// [`BacklogError::NotFound`], and so MUST an attachment of another issue, in
    /// this project or another one (the allow-list checks only the issue named
    /// first).
    #[cfg_attr(test, mockall::automock)]
    #[async_trait]
    pub trait AttachmentRepository: Send + Sync {
        /// Downloads an attachment of the issue. Larger than `max_bytes` MUST be
        /// [`BacklogError::TooLarge`], detected while streaming, before it is all read.
        async fn attachment(
            &self,
            issue: &IssueRef,
            attachment: AttachmentId,
            max_bytes: u64,
        ) -> Result<AttachmentFile, BacklogError>;
    }
}
