//! Serving a tool catalog to a client (MCP over stdio today; HTTP or a CLI later).

use super::tool::SharedCatalog;
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
pub trait ToolTransport: Send + Sync {
    /// Serves until the client disconnects.
    async fn serve(
        &self,
        service: ServiceDescription,
        catalog: SharedCatalog,
    ) -> Result<(), TransportError>;
}
