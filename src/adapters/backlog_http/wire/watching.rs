use super::space_days::{SendsDays, SpaceDays};
use super::{WireIssue, WireResult, id};
use crate::domain::ids::WatchingId;
use crate::domain::watching::Watching;
use chrono::{DateTime, Utc};
use serde::Deserialize;

/// A watch-list entry. One documentation page spells the flag `alreadyRead`;
/// the list page and backlog-js use `resourceAlreadyRead`: both are read.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireWatching {
    pub id: i64,
    #[serde(default, alias = "alreadyRead")]
    pub resource_already_read: Option<bool>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub issue: Option<WireIssue>,
    #[serde(default)]
    pub last_content_updated: Option<DateTime<Utc>>,
    #[serde(default)]
    pub created: Option<DateTime<Utc>>,
    #[serde(default)]
    pub updated: Option<DateTime<Utc>>,
}

impl SendsDays for WireWatching {
    fn has_zoned_days(&self) -> bool {
        self.issue.has_zoned_days()
    }
}

impl WireWatching {
    pub fn into_watching(self, days: SpaceDays) -> WireResult<Watching> {
        Ok(Watching {
            id: id("watching id", self.id, WatchingId::new)?,
            resource_already_read: self.resource_already_read.unwrap_or_default(),
            note: self.note.unwrap_or_default(),
            issue: self.issue.map(|issue| issue.into_issue(days)).transpose()?,
            last_content_updated: self.last_content_updated,
            created: self.created,
            updated: self.updated,
        })
    }
}
