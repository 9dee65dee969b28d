//! The space-wide lists every Backlog space has, and what a new project starts with.

use crate::domain::ids::{PriorityId, ResolutionId};
use crate::domain::issue::Named;

/// `GET /priorities`, in display order.
pub const PRIORITIES: [(i64, &str); 3] = [(2, "High"), (3, "Normal"), (4, "Low")];

/// `GET /resolutions`, in display order; 0 is a valid id.
pub const RESOLUTIONS: [(i64, &str); 5] = [
    (0, "Fixed"),
    (1, "Won't Fix"),
    (2, "Invalid"),
    (3, "Duplication"),
    (4, "Cannot Reproduce"),
];

/// The statuses every project starts with: id, name, colour, display order.
pub const DEFAULT_STATUSES: [(i64, &str, &str, i64); 4] = [
    (1, "Open", "#ed8077", 1000),
    (2, "In Progress", "#4488c5", 2000),
    (3, "Resolved", "#5eb5a6", 3000),
    (4, "Closed", "#b0be3c", 4000),
];

/// The issue types a new project gets: name, colour.
pub const DEFAULT_ISSUE_TYPES: [(&str, &str); 4] = [
    ("Task", "#7ea800"),
    ("Bug", "#990000"),
    ("Request", "#ff9200"),
    ("Other", "#2779ca"),
];

pub fn priority(id: PriorityId) -> Option<Named<PriorityId>> {
    PRIORITIES
        .iter()
        .find(|(p, _)| *p == id.get())
        .map(|(_, name)| Named::new(id, *name))
}

pub fn resolution(id: ResolutionId) -> Option<Named<ResolutionId>> {
    RESOLUTIONS
        .iter()
        .find(|(r, _)| *r == id.get())
        .map(|(_, name)| Named::new(id, *name))
}

pub fn priorities() -> Vec<Named<PriorityId>> {
    PRIORITIES
        .iter()
        .filter_map(|(id, name)| Some(Named::new(PriorityId::new(*id).ok()?, *name)))
        .collect()
}

pub fn resolutions() -> Vec<Named<ResolutionId>> {
    RESOLUTIONS
        .iter()
        .filter_map(|(id, name)| Some(Named::new(ResolutionId::new(*id).ok()?, *name)))
        .collect()
}
