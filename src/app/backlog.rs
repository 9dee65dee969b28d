//! The ports the tools use, bundled.

use crate::ports::{IssueRepository, ProjectRepository, UserRepository};
use std::sync::Arc;

/// Every repository of one Backlog space (over HTTP or in memory).
#[derive(Clone)]
pub struct Backlog {
    pub issues: Arc<dyn IssueRepository>,
    pub projects: Arc<dyn ProjectRepository>,
    pub users: Arc<dyn UserRepository>,
}

impl Backlog {
    /// All repositories served by one adapter.
    pub fn from_adapter<A>(adapter: Arc<A>) -> Self
    where
        A: IssueRepository + ProjectRepository + UserRepository + 'static,
    {
        Self {
            issues: adapter.clone(),
            projects: adapter.clone(),
            users: adapter,
        }
    }
}
