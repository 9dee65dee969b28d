//! Downloading an issue's attachment: the stored bytes with the file's name and
//! content type, refused as too large beyond the caller's limit; and attaching
//! a file behind the ports' backs, for tests.

use super::errors::not_found;
use super::id_counters::allocate;
use super::space::{Space, StoredFile};
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

impl Space {
    /// Attaches a file to an issue as "myself" (what Backlog's two-step upload
    /// leaves behind), for tests that need a particular file; `None`, with
    /// nothing changed (neither the clock nor the attachment ids), when there
    /// is no such issue or no current user.
    pub fn attach(
        &mut self,
        issue_key: &str,
        name: &str,
        content_type: Option<&str>,
        bytes: Vec<u8>,
    ) -> Option<crate::domain::issue::Attachment> {
        let index = self
            .issues
            .iter()
            .position(|i| i.key.to_string() == issue_key)?;
        let uploader = self.myself_ref().ok()?;
        let size = u64::try_from(bytes.len()).ok()?;
        let created = self.tick();
        let in_use: Vec<i64> = self.files.keys().map(|id| id.get()).collect();
        let id = AttachmentId::new(allocate(&mut self.counters.attachment, in_use)).ok()?;
        let attachment = crate::domain::issue::Attachment {
            id,
            name: name.to_owned(),
            size,
            created_user: Some(uploader),
            created: Some(created),
        };
        let issue = self.issues.get_mut(index)?;
        issue.attachments.push(attachment.clone());
        let file = StoredFile {
            issue: issue.id,
            content_type: content_type.map(str::to_owned),
            bytes,
        };
        self.files.insert(id, file);
        Some(attachment)
    }
}
