//! Watch lists inside the allowed projects. Backlog cannot filter a watch list
//! by project, so lists and counts are read from the start and filtered, which
//! keeps offsets and counts exact. A watching named by id must be read to
//! learn its issue's project; a refusal says so.

use super::ScopedBacklog;
use super::narrowed_lists::scan_offset_pages;
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::{ProjectId, UserId, WatchingId};
use crate::domain::issue_filter::{PageSize, SortOrder};
use crate::domain::watching::{Watching, WatchingCountQuery, WatchingQuery, WatchingSort};
use crate::ports::{IssueRef, WatchingRepository};
use async_trait::async_trait;
use std::collections::BTreeSet;

fn watches_allowed(allowed: &BTreeSet<ProjectId>, watching: &Watching) -> bool {
    watching
        .issue
        .as_ref()
        .is_some_and(|issue| allowed.contains(&issue.project_id))
}

impl ScopedBacklog {
    /// The watching, read to learn its issue's project, or a refusal.
    async fn allowed_watching(&self, id: WatchingId) -> Result<Watching, BacklogError> {
        let allowed = self.allowed().await?;
        let watching = self.inner.watchings.watching(id).await?;
        if watches_allowed(&allowed, &watching) {
            return Ok(watching);
        }
        Err(self
            .outside(
                &format!("watching {id}"),
                Some("it was read to learn its issue's project"),
            )
            .await)
    }

    /// The user's watchings in the allowed projects, from the first on, until
    /// `enough` are found.
    async fn allowed_watchings(
        &self,
        user: UserId,
        query: &WatchingQuery,
        enough: Option<u64>,
    ) -> Result<Vec<Watching>, BacklogError> {
        let allowed = self.allowed().await?;
        scan_offset_pages(
            "the watch list",
            enough,
            |w| watches_allowed(&allowed, w),
            |offset| {
                let page = WatchingQuery {
                    offset,
                    count: PageSize::MAX,
                    ..query.clone()
                };
                async move { self.inner.watchings.watchings(user, &page).await }
            },
        )
        .await
    }
}

#[async_trait]
impl WatchingRepository for ScopedBacklog {
    async fn watchings(
        &self,
        user: UserId,
        query: &WatchingQuery,
    ) -> Result<Vec<Watching>, BacklogError> {
        // Entries of other projects' issues are not asked for, even to be dropped.
        self.allowed_issue_ids(&query.issue_ids).await?;
        let end = query.offset.saturating_add(query.count.get());
        let kept = self.allowed_watchings(user, query, Some(end)).await?;
        Ok(kept
            .into_iter()
            .skip(usize::try_from(query.offset).unwrap_or(usize::MAX))
            .take(usize::try_from(query.count.get()).unwrap_or(usize::MAX))
            .collect())
    }

    async fn watching_count(
        &self,
        user: UserId,
        query: &WatchingCountQuery,
    ) -> Result<u64, BacklogError> {
        // `alreadyRead` wins over `resourceAlreadyRead` in Backlog's count.
        let listing = WatchingQuery {
            order: SortOrder::Desc,
            sort: WatchingSort::default(),
            count: PageSize::MAX,
            offset: 0,
            resource_already_read: query.already_read.or(query.resource_already_read),
            issue_ids: Vec::new(),
        };
        let kept = self.allowed_watchings(user, &listing, None).await?;
        Ok(kept.len() as u64)
    }

    async fn watching(&self, id: WatchingId) -> Result<Watching, BacklogError> {
        self.allowed_watching(id).await
    }

    async fn add_watching(&self, issue: &IssueRef, note: &str) -> Result<Watching, BacklogError> {
        self.allowed_issue(issue).await?;
        self.inner.watchings.add_watching(issue, note).await
    }

    async fn update_watching(&self, id: WatchingId, note: &str) -> Result<Watching, BacklogError> {
        self.allowed_watching(id).await?;
        self.inner.watchings.update_watching(id, note).await
    }

    async fn delete_watching(&self, id: WatchingId) -> Result<Watching, BacklogError> {
        self.allowed_watching(id).await?;
        self.inner.watchings.delete_watching(id).await
    }

    async fn mark_watching_as_read(&self, id: WatchingId) -> Result<(), BacklogError> {
        self.allowed_watching(id).await?;
        self.inner.watchings.mark_watching_as_read(id).await
    }
}
