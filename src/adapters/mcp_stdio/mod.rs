//! MCP over stdio with rmcp: serves a [`ToolCatalog`](crate::ports::ToolCatalog).
//! This is the only module that knows rmcp's types.

mod catalog_server;
mod convert;
mod progress;

use crate::ports::{ServiceDescription, ToolCatalog, ToolTransport, TransportError};
use async_trait::async_trait;
use catalog_server::CatalogServer;
use rmcp::ServiceExt;
use std::sync::Arc;

/// MCP over the process's stdin and stdout. stdout carries JSON-RPC only.
pub struct McpStdio;

#[async_trait]
impl ToolTransport for McpStdio {
    async fn serve(
        &self,
        service: ServiceDescription,
        catalog: Arc<ToolCatalog>,
    ) -> Result<(), TransportError> {
        let server = CatalogServer::new(service, catalog);
        let running = server
            .serve(rmcp::transport::stdio())
            .await
            .map_err(|e| TransportError(format!("MCP session did not start: {e}")))?;
        running
            .waiting()
            .await
            .map_err(|e| TransportError(format!("MCP session ended with an error: {e}")))?;
        Ok(())
    }
}
