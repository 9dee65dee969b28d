//! The project allow-list (`BACKLOG_ALLOWED_PROJECTS`), enforced in one place:
//! a layer around every port, so no tool can reach Backlog around it.
//! `limit_to` decides for each port how: a port whose every method addresses
//! one project or issue (comments, versions, statuses…) is checked by that
//! argument (`address_guard`, `ports::Guarded`), so its new methods are
//! checked with nothing added here; the others are written out in `scoped_*`.
//!
//! - It fails closed: the entries are resolved against the space once and the
//!   allowed projects pinned by id; an entry that matches no project allows
//!   nothing (and is logged), and when nothing matches every call that touches
//!   a project is refused.
//! - Projects and issues a call names are checked before the request that
//!   would read or change them. Issue keys are checked by their project key;
//!   issue ids are looked up among the allowed projects' issues only.
//! - Lists and counts are narrowed in the request where Backlog can filter
//!   (issues, activities per project) and otherwise scanned and filtered so
//!   pages stay whole (watch lists, a user's activities).
//! - Names are resolved through these ports, so they resolve only within the
//!   allowed projects and error messages list only their names.
//!
//! Space-wide things (the space, users, priorities, resolutions, star counts)
//! are not project-owned and pass through.

mod address_guard;
mod allowed_project;
mod guard;
mod narrowed_lists;
mod scoped_activities;
mod scoped_issues;
mod scoped_projects;
mod scoped_watchings;
#[cfg(test)]
mod tests;

pub use allowed_project::AllowedProject;
pub use guard::Pinned;

use crate::app::backlog::Backlog;
use crate::ports::{AddressGuard, Guarded};
use std::sync::Arc;
use tokio::sync::OnceCell;

/// The allow-list resolved against one space, and the ports it writes out
/// (projects, issues, watchings, activities); `limit_to` assembles the rest.
pub struct ScopedBacklog {
    inner: Backlog,
    entries: Vec<AllowedProject>,
    pinned: OnceCell<Pinned>,
}

impl ScopedBacklog {
    pub fn new(inner: Backlog, entries: Vec<AllowedProject>) -> Self {
        Self {
            inner,
            entries,
            pinned: OnceCell::new(),
        }
    }
}

/// The ports as the tools see them: `backlog` itself when every project is
/// allowed, else behind the allow-list. The scoped layer is returned too, so
/// the composition root can resolve the list at start-up.
pub fn limit_to(
    backlog: Backlog,
    allowed: &[AllowedProject],
) -> (Backlog, Option<Arc<ScopedBacklog>>) {
    if allowed.is_empty() {
        return (backlog, None);
    }
    let scoped = Arc::new(ScopedBacklog::new(backlog.clone(), allowed.to_vec()));
    let guard: Arc<dyn AddressGuard> = scoped.clone();
    let limited = Backlog {
        // Space-wide, not project-owned: they pass through.
        space: backlog.space,
        users: backlog.users,
        stars: backlog.stars,
        // Lists to narrow, or ids inside a payload: written out in `scoped_*`.
        projects: scoped.clone(),
        issues: scoped.clone(),
        watchings: scoped.clone(),
        activities: scoped.clone(),
        // Every method addresses one project or issue: checked by that argument.
        statuses: Guarded::new(guard.clone(), backlog.statuses),
        issue_types: Guarded::new(guard.clone(), backlog.issue_types),
        categories: Guarded::new(guard.clone(), backlog.categories),
        custom_fields: Guarded::new(guard.clone(), backlog.custom_fields),
        versions: Guarded::new(guard.clone(), backlog.versions),
        comments: Guarded::new(guard.clone(), backlog.comments),
        attachments: Guarded::new(guard, backlog.attachments),
    };
    (limited, Some(scoped))
}
