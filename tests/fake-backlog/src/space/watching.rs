//! Watch-list entries ("watchings"): the model, and how issue changes reach them.

use super::Space;
use chrono::{DateTime, Utc};

/// A user watching an issue (`GET /users/:id/watchings`, `/watchings/:id`).
#[derive(Debug, Clone, PartialEq)]
pub struct Watching {
    pub id: i64,
    /// The watching user (numeric id).
    pub user_id: i64,
    pub issue_id: i64,
    pub note: String,
    /// False while the issue has changes the user has not seen.
    pub resource_already_read: bool,
    /// False while the entry itself is new to the user (the `alreadyRead` count filter).
    pub already_read: bool,
    /// When the issue last changed (rendered as `lastContentUpdated`).
    pub last_content_updated: DateTime<Utc>,
    pub created: DateTime<Utc>,
    /// When the entry (its note) last changed.
    pub updated: DateTime<Utc>,
}

impl Space {
    /// An issue changed at `at` by `actor`: every watching of it moves its
    /// `lastContentUpdated`, and becomes unread for everyone but the actor.
    pub(crate) fn touch_watchings(&mut self, issue_id: i64, actor: i64, at: DateTime<Utc>) {
        for w in self.watchings.iter_mut().filter(|w| w.issue_id == issue_id) {
            w.last_content_updated = at;
            if w.user_id != actor {
                w.resource_already_read = false;
                w.already_read = false;
            }
        }
    }

    /// Adds a watching of `issue_id` for `user_id` at the space clock's next tick.
    pub(crate) fn insert_watching(&mut self, user_id: i64, issue_id: i64, note: &str) -> i64 {
        let now = self.tick();
        let last_content_updated = self.issue(issue_id).map_or(now, |i| i.updated);
        let taken = self.watchings.iter().map(|w| w.id).max();
        let id = Space::fresh_id(&mut self.next_ids.watching, taken);
        self.watchings.push(Watching {
            id,
            user_id,
            issue_id,
            note: note.to_owned(),
            resource_already_read: true,
            already_read: true,
            last_content_updated,
            created: now,
            updated: now,
        });
        id
    }
}
