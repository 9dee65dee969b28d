//! Downloading an issue's attachment: the stored bytes with the file's name and
//! content type, refused as too large beyond the caller's limit.

use super::errors::not_found;
use super::space::Space;
use crate::domain::attachment_file::AttachmentFile;
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::AttachmentId;
use crate::ports::IssueRef;

impl Space {
    pub(super) fn attachment(
        &self,
        target: &IssueRef,
        attachment: AttachmentId,
        max_bytes: u64,
    ) -> Result<AttachmentFile, BacklogError> {
        let issue = self.find_issue(target)?;
        let missing = || {
            not_found(
                format!("attachment {attachment} of issue {}", issue.key),
                "No attachment.",
            )
        };
        let listed = issue
            .attachments
            .iter()
            .find(|a| a.id == attachment)
            .ok_or_else(missing)?;
        let file = self
            .files
            .get(&attachment)
            .filter(|f| f.issue == issue.id)
            .ok_or_else(missing)?;
        let size = u64::try_from(file.bytes.len()).unwrap_or(u64::MAX);
        if size > max_bytes {
            return Err(BacklogError::TooLarge {
                what: format!(
                    "attachment {attachment} ({}, {size} bytes) of issue {}",
                    listed.name, issue.key
                ),
                limit: max_bytes,
            });
        }
        Ok(AttachmentFile {
            file_name: listed.name.clone(),
            content_type: file.content_type.clone(),
            bytes: file.bytes.clone(),
        })
    }
}
