//! The traits the application needs from the outside world. Adapters implement
//! them; the application only ever sees these.

pub mod issue_repository;
pub mod project_repository;
pub mod space_repository;
pub mod tool;
pub mod tool_transport;
pub mod user_repository;
pub mod watching_repository;

pub use issue_repository::{CommentPage, IssueRef, IssueRepository};
pub use project_repository::{ProjectRef, ProjectRepository};
pub use space_repository::SpaceRepository;
pub use tool::{
    CatalogEntry, JsonObject, Lookup, NoProgress, Progress, ProgressReporter, ResourceBody,
    SharedCatalog, ToolAnnotations, ToolCatalog, ToolContent, ToolContext, ToolDescriptor,
    ToolHandler, ToolResponse,
};
pub use tool_transport::{ServiceDescription, ToolTransport, TransportError};
pub use user_repository::UserRepository;
pub use watching_repository::WatchingRepository;
