//! An in-memory Backlog behind the same ports as the HTTP adapter. It applies
//! Backlog's filter, sort and paging semantics and returns Backlog's errors, so
//! the demo mode and the tests exercise real behaviour, not canned answers.

mod issue_matching;
mod issue_ordering;
mod issue_repository;
mod project_repository;
mod seed;
mod space;
mod space_repository;
mod user_repository;
mod watching_repository;

pub use space::{ProjectRecord, Space};

use crate::domain::backlog_error::BacklogError;
use std::sync::{PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

pub struct MemoryBacklog {
    space: RwLock<Space>,
}

impl MemoryBacklog {
    /// The seeded demo space.
    pub fn demo() -> Self {
        Self::with_space(seed::demo_space().unwrap_or_default())
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

    fn read(&self) -> RwLockReadGuard<'_, Space> {
        // No code path panics while holding the lock; recover the data if one ever did.
        self.space.read().unwrap_or_else(PoisonError::into_inner)
    }

    #[allow(dead_code)]
    fn write(&self) -> RwLockWriteGuard<'_, Space> {
        self.space.write().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Backlog's 404 answer for a missing resource.
fn not_found(what: impl Into<String>, message: &str) -> BacklogError {
    BacklogError::NotFound {
        what: what.into(),
        message: message.to_owned(),
    }
}
