//! What comes with a new issue, an issue's change or a comment: the users
//! Backlog tells of it (`notifiedUserId`) and the files uploaded beforehand
//! (`attachmentId`). Every tool that takes them declares them once with
//! `#[serde(flatten)] notice: NoticeArgs` and reads them the same way.

use crate::app::resolve::Resolver;
use crate::app::tooling::validate::ids;
use crate::app::tooling::{IdOrName, ToolError, listed};
use crate::domain::ids::{AttachmentId, UserId};
use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct NoticeArgs {
    /// Users to notify: ids, login ids, names, or "me".
    #[serde(default)]
    pub notified_user_id: Option<Vec<IdOrName>>,
    /// Ids of files uploaded to the space beforehand.
    #[serde(default)]
    pub attachment_id: Option<Vec<i64>>,
}

impl NoticeArgs {
    /// The users to notify, by id, login id, name or "me"; none when absent.
    pub async fn notified(&self, resolver: &Resolver<'_>) -> Result<Vec<UserId>, ToolError> {
        resolver
            .users("notifiedUserId", listed(&self.notified_user_id))
            .await
    }

    /// The uploaded files' ids, each positive; none when absent.
    pub fn attachments(&self) -> Result<Vec<AttachmentId>, ToolError> {
        ids(
            "attachmentId",
            self.attachment_id.as_deref(),
            AttachmentId::new,
        )
    }
}
