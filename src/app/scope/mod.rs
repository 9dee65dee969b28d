//! The project allow-list (`BACKLOG_ALLOWED_PROJECTS`), enforced in one place:
//! a layer around every port, so no tool can reach Backlog around it.
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

mod allowed_project;
mod forwarding;
mod guard;
mod narrowed_lists;
mod scoped_activities;
mod scoped_comments;
mod scoped_issues;
mod scoped_projects;
mod scoped_space;
mod scoped_stars;
mod scoped_users;
mod scoped_versions;
mod scoped_vocabulary;
mod scoped_watchings;
#[cfg(test)]
mod tests;

pub use allowed_project::AllowedProject;
pub use guard::Pinned;

use crate::app::backlog::Backlog;
use std::sync::Arc;
use tokio::sync::OnceCell;

/// Every port of one space, limited to the allowed projects.
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
    let scoped = Arc::new(ScopedBacklog::new(backlog, allowed.to_vec()));
    (Backlog::from_adapter(scoped.clone()), Some(scoped))
}
