//! The ports the tools use, bundled.

use crate::ports::{
    ActivityRepository, AttachmentRepository, CategoryRepository, CommentRepository,
    CustomFieldRepository, IssueRepository, IssueTypeRepository, ProjectRepository,
    SpaceRepository, StarRepository, StatusRepository, UserRepository, VersionRepository,
    WatchingRepository,
};
use std::sync::Arc;

/// Every repository of one Backlog space (over HTTP or in memory), one field
/// per port.
#[derive(Clone)]
pub struct Backlog {
    pub space: Arc<dyn SpaceRepository>,
    pub users: Arc<dyn UserRepository>,
    pub projects: Arc<dyn ProjectRepository>,
    pub statuses: Arc<dyn StatusRepository>,
    pub issue_types: Arc<dyn IssueTypeRepository>,
    pub categories: Arc<dyn CategoryRepository>,
    pub custom_fields: Arc<dyn CustomFieldRepository>,
    pub versions: Arc<dyn VersionRepository>,
    pub issues: Arc<dyn IssueRepository>,
    pub comments: Arc<dyn CommentRepository>,
    pub attachments: Arc<dyn AttachmentRepository>,
    pub watchings: Arc<dyn WatchingRepository>,
    pub activities: Arc<dyn ActivityRepository>,
    pub stars: Arc<dyn StarRepository>,
}

/// An adapter that serves every port (the HTTP adapter, the memory model, the
/// allow-list layer).
pub trait EveryRepository:
    SpaceRepository
    + UserRepository
    + ProjectRepository
    + StatusRepository
    + IssueTypeRepository
    + CategoryRepository
    + CustomFieldRepository
    + VersionRepository
    + IssueRepository
    + CommentRepository
    + AttachmentRepository
    + WatchingRepository
    + ActivityRepository
    + StarRepository
{
}

impl<T> EveryRepository for T where
    T: SpaceRepository
        + UserRepository
        + ProjectRepository
        + StatusRepository
        + IssueTypeRepository
        + CategoryRepository
        + CustomFieldRepository
        + VersionRepository
        + IssueRepository
        + CommentRepository
        + AttachmentRepository
        + WatchingRepository
        + ActivityRepository
        + StarRepository
{
}

impl Backlog {
    /// All repositories served by one adapter.
    pub fn from_adapter<A: EveryRepository + 'static>(adapter: Arc<A>) -> Self {
        Self {
            space: adapter.clone(),
            users: adapter.clone(),
            projects: adapter.clone(),
            statuses: adapter.clone(),
            issue_types: adapter.clone(),
            categories: adapter.clone(),
            custom_fields: adapter.clone(),
            versions: adapter.clone(),
            issues: adapter.clone(),
            comments: adapter.clone(),
            attachments: adapter.clone(),
            watchings: adapter.clone(),
            activities: adapter.clone(),
            stars: adapter,
        }
    }
}
