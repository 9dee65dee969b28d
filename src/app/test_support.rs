//! Building an [`AppContext`] for unit tests.

use super::backlog::Backlog;
use super::context::AppContext;
use super::issue_scan::ScanLimits;
use crate::adapters::memory::MemoryBacklog;
use crate::domain::zone::DisplayZone;
use crate::ports::issue_repository::MockIssueRepository;
use crate::ports::project_repository::MockProjectRepository;
use crate::ports::space_repository::MockSpaceRepository;
use crate::ports::user_repository::MockUserRepository;
use crate::ports::watching_repository::MockWatchingRepository;
use std::sync::Arc;

fn context(backlog: Backlog) -> AppContext {
    AppContext {
        backlog,
        web_base_url: "https://demo.example".to_owned(),
        default_zone: DisplayZone::UTC,
        configured_user: None,
        scan: ScanLimits {
            concurrency: 4,
            ceiling: 10_000,
        },
    }
}

/// The app over the seeded in-memory demo space.
pub fn demo_app() -> AppContext {
    context(Backlog::from_adapter(Arc::new(MemoryBacklog::demo())))
}

/// The app over mocks.
pub fn app_with(
    issues: MockIssueRepository,
    projects: MockProjectRepository,
    users: MockUserRepository,
) -> AppContext {
    context(Backlog {
        space: Arc::new(MockSpaceRepository::new()),
        users: Arc::new(users),
        projects: Arc::new(projects),
        issues: Arc::new(issues),
        watchings: Arc::new(MockWatchingRepository::new()),
    })
}
