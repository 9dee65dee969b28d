//! Issues' attachments: `GET /issues/:issueIdOrKey/attachments/:attachmentId`.

use super::api_call::{Answer, ApiCall};
use super::client::HttpBacklog;
use super::content_disposition;
use crate::domain::attachment_file::AttachmentFile;
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::AttachmentId;
use crate::ports::{AttachmentRepository, IssueRef};
use async_trait::async_trait;
use reqwest::header::{CONTENT_DISPOSITION, CONTENT_TYPE};

#[async_trait]
impl AttachmentRepository for HttpBacklog {
    async fn attachment(
        &self,
        issue: &IssueRef,
        attachment: AttachmentId,
        max_bytes: u64,
    ) -> Result<AttachmentFile, BacklogError> {
        let id = issue.to_string();
        let attachment = attachment.to_string();
        let call = ApiCall::get(
            &["issues", &id, "attachments", &attachment],
            format!("attachment {attachment} of issue {id}"),
        );
        let answer = self.download(&call, max_bytes).await?;
        Ok(attachment_file(answer, &attachment))
    }
}

/// The downloaded bytes with the name from `Content-Disposition` (or
/// `attachment-{id}` without a usable one) and the `Content-Type` as sent.
fn attachment_file(answer: Answer, attachment: &str) -> AttachmentFile {
    let file_name = answer
        .headers
        .get(CONTENT_DISPOSITION)
        .and_then(|value| content_disposition::file_name(value.as_bytes()))
        .unwrap_or_else(|| format!("attachment-{attachment}"));
    let content_type = answer
        .headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    AttachmentFile {
        file_name,
        content_type,
        bytes: answer.body,
    }
}
