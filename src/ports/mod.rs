//! The traits the application needs from the outside world. Adapters implement
//! them; the application only ever sees these.

pub mod activity_repository;
pub mod addressed_port;
pub mod attachment_repository;
pub mod caller;
pub mod category_repository;
pub mod client_surface;
pub mod client_transport;
pub mod comment_repository;
pub mod custom_field_repository;
pub mod id_or_key;
pub mod issue_repository;
pub mod issue_type_repository;
pub mod project_repository;
pub mod prompt;
pub mod resource;
pub mod space_repository;
pub mod star_repository;
pub mod status_repository;
pub mod tool;
pub mod user_repository;
pub mod version_repository;
pub mod watching_repository;

pub use activity_repository::ActivityRepository;
pub use addressed_port::{AddressGuard, Addressed, Guarded};
pub use attachment_repository::AttachmentRepository;
pub use caller::{BacklogCredentials, Caller};
pub use category_repository::CategoryRepository;
pub use client_surface::{ClientSurface, SharedSurface, SurfaceOffers};
pub use client_transport::{ClientTransport, ServiceDescription, TransportError};
pub use comment_repository::{CommentPage, CommentRepository};
pub use custom_field_repository::CustomFieldRepository;
pub use id_or_key::IdOrKey;
pub use issue_repository::{IssueRef, IssueRepository};
pub use issue_type_repository::IssueTypeRepository;
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
pub use star_repository::StarRepository;
pub use status_repository::StatusRepository;
pub use tool::{
    CatalogEntry, JsonObject, Lookup, NoProgress, Progress, ProgressReporter, ResourceBody,
    ToolAnnotations, ToolCatalog, ToolContent, ToolContext, ToolDescriptor, ToolHandler,
    ToolResponse,
};
pub use user_repository::UserRepository;
pub use version_repository::VersionRepository;
pub use watching_repository::WatchingRepository;
