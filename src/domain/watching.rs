//! Watch-list entries: issues a user follows.

use super::ids::{IssueId, WatchingId};
use super::issue::Issue;
use super::issue_filter::{PageSize, SortOrder};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq)]
pub struct Watching {
    pub id: WatchingId,
    /// Whether the user has seen the issue's latest change.
    pub resource_already_read: bool,
    pub note: String,
    pub issue: Option<Issue>,
    pub last_content_updated: Option<DateTime<Utc>>,
    pub created: Option<DateTime<Utc>>,
    pub updated: Option<DateTime<Utc>>,
}

/// How the watch list is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WatchingSort {
    Created,
    Updated,
    #[default]
    IssueUpdated,
}

impl WatchingSort {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Created => "created",
            Self::Updated => "updated",
            Self::IssueUpdated => "issueUpdated",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct WatchingQuery {
    pub order: SortOrder,
    pub sort: WatchingSort,
    pub count: PageSize,
    pub offset: u64,
    /// `Some(false)`: only entries with unseen changes.
    pub resource_already_read: Option<bool>,
    pub issue_ids: Vec<IssueId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WatchingCountQuery {
    pub resource_already_read: Option<bool>,
    pub already_read: Option<bool>,
}
