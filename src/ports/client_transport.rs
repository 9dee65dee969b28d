//! Serving the client surface (MCP over stdio today; Streamable HTTP later).

use super::client_surface::SharedSurface;
use async_trait::async_trait;

/// How the server introduces itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceDescription {
    pub name: String,
    pub version: String,
    /// Guidance for the model on how to use the tools together.
    pub instructions: String,
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct TransportError(pub String);

#[async_trait]
pub trait ClientTransport: Send + Sync {
    /// Serves until the client disconnects (stdio) or the server is stopped.
    async fn serve(
        &self,
        service: ServiceDescription,
        surface: SharedSurface,
    ) -> Result<(), TransportError>;
}
