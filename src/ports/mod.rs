//! The traits the application needs from the outside world. Adapters implement
//! them; the application only ever sees these.

pub mod caller;
pub mod client_surface;
pub mod client_transport;
pub mod issue_repository;
pub mod project_repository;
pub mod prompt;
pub mod resource;
pub mod space_repository;
pub mod tool;
pub mod user_repository;
pub mod watching_repository;

pub use caller::{BacklogCredentials, Caller};
pub use client_surface::{ClientSurface, SharedSurface, SurfaceOffers};
pub use client_transport::{ClientTransport, ServiceDescription, TransportError};
pub use issue_repository::{CommentPage, IssueRef, IssueRepository};
pub use project_repository::{ProjectRef, ProjectRepository};
pub use prompt::{
    PromptArgument, PromptCatalog, PromptDescriptor, PromptEntry, PromptHandler, PromptMessage,
    PromptRole,
};
pub use resource::{
    ResourceCatalog, ResourceContent, ResourceDescriptor, ResourceEntry, ResourceHandler,
    SurfaceError,
};
pub use space_repository::SpaceRepository;
pub use tool::{
    CatalogEntry, JsonObject, Lookup, NoProgress, Progress, ProgressReporter, ResourceBody,
    ToolAnnotations, ToolCatalog, ToolContent, ToolContext, ToolDescriptor, ToolHandler,
    ToolResponse,
};
pub use user_repository::UserRepository;
pub use watching_repository::WatchingRepository;
