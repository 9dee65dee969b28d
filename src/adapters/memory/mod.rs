//! An in-memory Backlog behind the same ports as the HTTP adapter. It applies
//! Backlog's filter, sort and paging semantics and returns Backlog's errors, so
//! the demo mode and the tests exercise real behaviour, not canned answers.
//! The behaviour lives in [`Space`]'s methods; each port is served from them by
//! `served_by_space!` under the space's lock.

mod activity_log;
mod activity_repository;
mod attachment_repository;
mod attachments;
mod change_log;
mod comment_repository;
mod comment_writes;
mod custom_field_values;
mod errors;
mod id_counters;
mod issue_matching;
mod issue_ordering;
mod issue_repository;
mod issue_writes;
mod project_repository;
mod project_vocabulary;
mod project_writes;
mod related_issues;
mod seed;
mod seed_comments;
mod seed_custom_fields;
mod seed_files;
mod seed_follows;
mod seed_generated;
mod seed_history;
mod seed_issues;
mod served_by_space;
mod space;
mod space_repository;
mod star_repository;
mod user_repository;
mod validation;
mod version_repository;
mod version_writes;
mod vocabulary;
mod watch_list;
mod watching_repository;

#[cfg(test)]
mod tests;

pub use id_counters::IdCounters;
pub use space::{ProjectRecord, Space, StarRecord, StoredFile, WatchingRecord};

use std::sync::{PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

pub struct MemoryBacklog {
    space: RwLock<Space>,
}

impl MemoryBacklog {
    /// The seeded demo space.
    pub fn demo() -> Self {
        Self::with_space(Self::demo_space())
    }

    /// A large synthetic space for paging tests and benchmarks: `projects`
    /// projects `GEN1`… of `issues` issues each (see `seed_generated`).
    pub fn generated_space(projects: usize, issues: usize) -> Space {
        seed_generated::generated_space(projects, issues).unwrap_or_default()
    }

    /// The demo space's state, to change before serving it.
    pub fn demo_space() -> Space {
        seed::demo_space().unwrap_or_default()
    }

    pub fn with_space(space: Space) -> Self {
        Self {
            space: RwLock::new(space),
        }
    }

    /// A copy of the whole state, for tests.
    pub fn snapshot(&self) -> Space {
        self.read().clone()
    }

    /// Reads the state without copying it: the test server's façade looks up
    /// what Backlog's JSON carries beyond the domain values (a status's colour,
    /// a user's mail address).
    pub fn inspect<R>(&self, read: impl FnOnce(&Space) -> R) -> R {
        read(&self.read())
    }

    /// Changes the state behind the ports' backs: tests add what no port
    /// writes (an attachment's bytes, an issue made elsewhere).
    pub fn modify<R>(&self, change: impl FnOnce(&mut Space) -> R) -> R {
        change(&mut self.write())
    }

    fn read(&self) -> RwLockReadGuard<'_, Space> {
        // No code path panics while holding the lock; recover the data if one ever did.
        self.space.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn write(&self) -> RwLockWriteGuard<'_, Space> {
        self.space.write().unwrap_or_else(PoisonError::into_inner)
    }
}
