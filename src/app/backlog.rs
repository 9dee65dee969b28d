//! The ports the tools use, bundled. One list names every port: the bundle,
//! the bound an adapter serving all of them meets and the unit tests' mocks
//! are built from it, so a new port is one line here.

use crate::ports::{
    ActivityRepository, AttachmentRepository, CategoryRepository, CommentRepository,
    CustomFieldRepository, IssueRepository, IssueTypeRepository, ProjectRepository,
    SpaceRepository, StarRepository, StatusRepository, UserRepository, VersionRepository,
    WatchingRepository,
};
use std::sync::Arc;

macro_rules! every_port {
    ($($field:ident: $port:ident, $mock:path;)*) => {
        /// Every repository of one Backlog space (over HTTP or in memory), one
        /// field per port.
        #[derive(Clone)]
        pub struct Backlog {
            $(pub $field: Arc<dyn $port>,)*
        }

        /// An adapter that serves every port (the HTTP adapter, the memory
        /// model).
        pub trait EveryRepository: $($port +)* {}

        impl<T: $($port +)*> EveryRepository for T {}

        impl Backlog {
            /// All repositories served by one adapter.
            pub fn from_adapter<A: EveryRepository + 'static>(adapter: Arc<A>) -> Self {
                Self {
                    $($field: adapter.clone(),)*
                }
            }
        }

        /// A mock of every port: a test sets expectations on the ones it uses,
        /// and any other call fails it.
        #[cfg(test)]
        #[derive(Default)]
        pub struct MockBacklog {
            $(pub $field: $mock,)*
        }

        #[cfg(test)]
        impl MockBacklog {
            /// The ports as the app sees them.
            pub fn into_backlog(self) -> Backlog {
                Backlog {
                    $($field: Arc::new(self.$field),)*
                }
            }
        }
    };
}

every_port! {
    space: SpaceRepository, crate::ports::space_repository::MockSpaceRepository;
    users: UserRepository, crate::ports::user_repository::MockUserRepository;
    projects: ProjectRepository, crate::ports::project_repository::MockProjectRepository;
    statuses: StatusRepository, crate::ports::status_repository::MockStatusRepository;
    issue_types: IssueTypeRepository, crate::ports::issue_type_repository::MockIssueTypeRepository;
    categories: CategoryRepository, crate::ports::category_repository::MockCategoryRepository;
    custom_fields: CustomFieldRepository, crate::ports::custom_field_repository::MockCustomFieldRepository;
    versions: VersionRepository, crate::ports::version_repository::MockVersionRepository;
    issues: IssueRepository, crate::ports::issue_repository::MockIssueRepository;
    comments: CommentRepository, crate::ports::comment_repository::MockCommentRepository;
    attachments: AttachmentRepository, crate::ports::attachment_repository::MockAttachmentRepository;
    watchings: WatchingRepository, crate::ports::watching_repository::MockWatchingRepository;
    activities: ActivityRepository, crate::ports::activity_repository::MockActivityRepository;
    stars: StarRepository, crate::ports::star_repository::MockStarRepository;
}
