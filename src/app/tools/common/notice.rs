//! What comes with a new issue, an issue's change or a comment: the users
//! Backlog tells of it (`notifiedUserId`) and the files uploaded beforehand
//! (`attachmentId`). Every tool that takes them reads them the same way.

use crate::app::resolve::Resolver;
use crate::app::tooling::validate::ids;
use crate::app::tooling::{IdOrName, ToolError, listed};
use crate::domain::ids::{AttachmentId, UserId};

/// The users to notify, by id, login id, name or "me"; none when absent.
pub async fn notified(
    resolver: &Resolver<'_>,
    users: &Option<Vec<IdOrName>>,
) -> Result<Vec<UserId>, ToolError> {
    resolver.users("notifiedUserId", listed(users)).await
}

/// The uploaded files' ids, each positive; none when absent.
pub fn attachments(values: Option<&[i64]>) -> Result<Vec<AttachmentId>, ToolError> {
    ids("attachmentId", values, AttachmentId::new)
}
