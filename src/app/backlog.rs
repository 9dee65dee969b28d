//! The ports the tools use, bundled.

use crate::ports::{
    IssueRepository, ProjectRepository, SpaceRepository, UserRepository, WatchingRepository,
};
use std::sync::Arc;

/// Every repository of one Backlog space (over HTTP or in memory).
#[derive(Clone)]
pub struct Backlog {
    pub space: Arc<dyn SpaceRepository>,
    pub users: Arc<dyn UserRepository>,
    pub projects: Arc<dyn ProjectRepository>,
    pub issues: Arc<dyn IssueRepository>,
    pub watchings: Arc<dyn WatchingRepository>,
}

impl Backlog {
    /// All repositories served by one adapter.
    pub fn from_adapter<A>(adapter: Arc<A>) -> Self
    where
        A: SpaceRepository
            + UserRepository
            + ProjectRepository
            + IssueRepository
            + WatchingRepository
            + 'static,
    {
        Self {
            space: adapter.clone(),
            users: adapter.clone(),
            projects: adapter.clone(),
            issues: adapter.clone(),
            watchings: adapter,
        }
    }
}
