//! Watch lists: one entry per user and issue. Listing filters by read state and
//! issue, sorts by `created`, `updated` or the issue's last update (the
//! default), ties broken by id, then pages by offset and count. A change by
//! someone else makes the entry unread again; only its owner may change it.

use super::errors::{forbidden, invalid, not_found};
use super::id_counters::{allocate, retire, typed};
use super::space::{Space, WatchingRecord};
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::{IssueId, UserId, WatchingId};
use crate::domain::issue_filter::SortOrder;
use crate::domain::watching::{Watching, WatchingCountQuery, WatchingQuery, WatchingSort};
use crate::ports::IssueRef;
use chrono::{DateTime, Utc};

impl Space {
    fn watching_record(&self, id: WatchingId) -> Result<&WatchingRecord, BacklogError> {
        self.watchings
            .iter()
            .find(|w| w.id == id)
            .ok_or_else(|| not_found(format!("watching {id}"), "No watching."))
    }

    /// The entry, which must be on the API key's user's own list.
    fn my_watching_mut(&mut self, id: WatchingId) -> Result<&mut WatchingRecord, BacklogError> {
        let me = self.myself_user()?.id;
        let record = self
            .watchings
            .iter_mut()
            .find(|w| w.id == id)
            .ok_or_else(|| not_found(format!("watching {id}"), "No watching."))?;
        if record.user != me {
            return Err(forbidden(format!(
                "watching {id} is on another user's watch list; only they may change it."
            )));
        }
        Ok(record)
    }

    fn issue_updated(&self, issue: IssueId) -> Option<DateTime<Utc>> {
        self.issue_by_id(issue)
            .map(|i| i.updated.unwrap_or(i.created))
    }

    fn watching_view(&self, record: &WatchingRecord) -> Watching {
        Watching {
            id: record.id,
            resource_already_read: record.resource_already_read,
            note: record.note.clone(),
            issue: self.issue_by_id(record.issue).cloned(),
            last_content_updated: self.issue_updated(record.issue),
            created: Some(record.created),
            updated: Some(record.updated),
        }
    }

    pub(super) fn watch_list(
        &self,
        user: UserId,
        query: &WatchingQuery,
    ) -> Result<Vec<Watching>, BacklogError> {
        self.known_user(user)?;
        let mut found: Vec<&WatchingRecord> = self
            .watchings
            .iter()
            .filter(|w| w.user == user)
            .filter(|w| {
                query
                    .resource_already_read
                    .is_none_or(|read| w.resource_already_read == read)
            })
            .filter(|w| query.issue_ids.is_empty() || query.issue_ids.contains(&w.issue))
            .collect();
        let key = |w: &WatchingRecord| match query.sort {
            WatchingSort::Created => Some(w.created),
            WatchingSort::Updated => Some(w.updated),
            WatchingSort::IssueUpdated => self.issue_updated(w.issue),
        };
        found.sort_by(|a, b| {
            let ordering = key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id));
            match query.order {
                SortOrder::Asc => ordering,
                SortOrder::Desc => ordering.reverse(),
            }
        });
        let offset = usize::try_from(query.offset).unwrap_or(usize::MAX);
        let count = usize::try_from(query.count.get()).unwrap_or(usize::MAX);
        Ok(found
            .into_iter()
            .skip(offset)
            .take(count)
            .map(|w| self.watching_view(w))
            .collect())
    }

    /// Like Backlog, `alreadyRead` wins when both flags are given.
    pub(super) fn watch_count(
        &self,
        user: UserId,
        query: &WatchingCountQuery,
    ) -> Result<u64, BacklogError> {
        self.known_user(user)?;
        let count = self
            .watchings
            .iter()
            .filter(|w| w.user == user)
            .filter(
                |w| match (query.already_read, query.resource_already_read) {
                    (Some(read), _) => w.already_read == read,
                    (None, Some(read)) => w.resource_already_read == read,
                    (None, None) => true,
                },
            )
            .count();
        Ok(u64::try_from(count).unwrap_or(u64::MAX))
    }

    pub(super) fn watching(&self, id: WatchingId) -> Result<Watching, BacklogError> {
        Ok(self.watching_view(self.watching_record(id)?))
    }

    /// Starts watching as the API key's user; an issue is watched at most once.
    pub(super) fn add_watching(
        &mut self,
        issue: &IssueRef,
        note: &str,
    ) -> Result<Watching, BacklogError> {
        let issue = self.find_issue(issue)?;
        let (issue_id, key) = (issue.id, issue.key.clone());
        let me = self.myself_user()?.id;
        if self
            .watchings
            .iter()
            .any(|w| w.user == me && w.issue == issue_id)
        {
            return Err(invalid(format!(
                "issueIdOrKey: {key} is already on the watch list."
            )));
        }
        let id = allocate(
            &mut self.counters.watching,
            self.watchings.iter().map(|w| w.id.get()),
        );
        let now = self.tick();
        let record = WatchingRecord {
            id: typed(id, WatchingId::new)?,
            user: me,
            issue: issue_id,
            note: note.to_owned(),
            resource_already_read: true,
            already_read: true,
            created: now,
            updated: now,
        };
        let view = self.watching_view(&record);
        self.watchings.push(record);
        Ok(view)
    }

    pub(super) fn update_watching(
        &mut self,
        id: WatchingId,
        note: &str,
    ) -> Result<Watching, BacklogError> {
        self.my_watching_mut(id)?;
        let now = self.tick();
        let record = self.my_watching_mut(id)?;
        record.note = note.to_owned();
        record.updated = now;
        let record = record.clone();
        Ok(self.watching_view(&record))
    }

    pub(super) fn delete_watching(&mut self, id: WatchingId) -> Result<Watching, BacklogError> {
        let record = self.my_watching_mut(id)?.clone();
        let view = self.watching_view(&record);
        retire(&mut self.counters.watching, id.get());
        self.watchings.retain(|w| w.id != id);
        Ok(view)
    }

    pub(super) fn mark_watching_read(&mut self, id: WatchingId) -> Result<(), BacklogError> {
        let record = self.my_watching_mut(id)?;
        record.resource_already_read = true;
        record.already_read = true;
        Ok(())
    }

    /// After `actor` changed the issue, everybody else watching it has news.
    pub(super) fn mark_watchers_unread(&mut self, issue: IssueId, actor: UserId) {
        for watching in self
            .watchings
            .iter_mut()
            .filter(|w| w.issue == issue && w.user != actor)
        {
            watching.resource_already_read = false;
            watching.already_read = false;
        }
    }
}
