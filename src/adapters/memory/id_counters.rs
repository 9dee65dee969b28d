//! Handing out ids like Backlog: each kind counts up, skips past any id already
//! in the space (hand-built spaces have no counters), and never reuses an id,
//! even after a deletion.

use super::space::Space;
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::InvalidId;
use crate::domain::ids::ProjectId;
use std::collections::HashMap;

/// The last id handed out per kind (0: none yet).
#[derive(Debug, Clone, Default)]
pub struct IdCounters {
    pub project: i64,
    pub issue: i64,
    pub comment: i64,
    pub issue_type: i64,
    pub category: i64,
    pub version: i64,
    pub activity: i64,
    pub watching: i64,
    pub attachment: i64,
    /// The last issue number (`keyId`) per project.
    pub key_numbers: HashMap<ProjectId, u64>,
}

/// The next id after both the counter and every id in use; advances the counter.
pub fn allocate(last: &mut i64, in_use: impl IntoIterator<Item = i64>) -> i64 {
    let top = in_use.into_iter().fold(*last, i64::max);
    *last = top.saturating_add(1);
    *last
}

/// Remembers a deleted id, so it is never handed out again.
pub fn retire(last: &mut i64, id: i64) {
    *last = (*last).max(id);
}

/// Turns an allocated number into a typed id.
pub fn typed<T>(value: i64, make: fn(i64) -> Result<T, InvalidId>) -> Result<T, BacklogError> {
    make(value).map_err(|e| BacklogError::Rejected {
        status: 500,
        code: Some(crate::domain::backlog_error::BacklogErrorCode::InternalError),
        message: e.to_string(),
    })
}

impl Space {
    /// Remembers a deleted issue's number, so the project never reuses it.
    pub(super) fn retire_key_number(&mut self, project: ProjectId, number: u64) {
        let last = self.counters.key_numbers.entry(project).or_insert(0);
        *last = (*last).max(number);
    }

    /// The next issue number of a project (Backlog's `keyId`).
    pub(super) fn next_key_number(&mut self, project: ProjectId) -> u64 {
        let top = self
            .issues
            .iter()
            .filter(|i| i.project_id == project)
            .map(|i| i.key.number())
            .fold(
                self.counters
                    .key_numbers
                    .get(&project)
                    .copied()
                    .unwrap_or(0),
                u64::max,
            );
        let next = top.saturating_add(1);
        self.counters.key_numbers.insert(project, next);
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_skip_past_those_in_use_and_are_never_reused() {
        let mut last = 0;
        assert_eq!(allocate(&mut last, [3, 7]), 8);
        // 8 was handed out and deleted since: still not reused.
        assert_eq!(allocate(&mut last, [3]), 9);
        assert_eq!(allocate(&mut last, []), 10);
        retire(&mut last, 42);
        assert_eq!(allocate(&mut last, [3]), 43);
    }
}
