//! The stdio entry point: MCP over the process's stdin and stdout, one JSON
//! message per line. The line guard checks each line before rmcp sees it and
//! owns stdout; `in_flight` bounds the requests awaiting a written answer.

mod in_flight;
mod line_guard;

use super::entry_point::EntryPoint;
use super::server::McpServer;
use crate::ports::{ClientTransport, ServiceDescription, SharedSurface, TransportError};
use async_trait::async_trait;
use in_flight::{InFlight, MAX_IN_FLIGHT};
use rmcp::ServiceExt;
use rmcp::model::RequestId;
use rmcp::service::ServerInitializeError;
use std::sync::Arc;
use tokio_util::sync::CancellationToken;

/// MCP over the process's stdin and stdout. stdout carries JSON-RPC only.
pub struct McpStdio;

#[async_trait]
impl ClientTransport for McpStdio {
    async fn serve(
        &self,
        service: ServiceDescription,
        surface: SharedSurface,
    ) -> Result<(), TransportError> {
        let in_flight = Arc::new(InFlight::new(MAX_IN_FLIGHT));
        let server = McpServer::new(service, surface, in_flight.clone());
        let io = line_guard::guard(tokio::io::stdin(), tokio::io::stdout(), in_flight);
        let session = match server.serve((io.rmcp_input, io.rmcp_output)).await {
            Ok(running) => running
                .waiting()
                .await
                .map(drop)
                .map_err(|e| TransportError(format!("MCP session ended with an error: {e}"))),
            Err(ServerInitializeError::ConnectionClosed(_)) => {
                tracing::info!("the client closed stdin before initializing");
                Ok(())
            }
            Err(error) => Err(TransportError(format!(
                "MCP session did not start: {error}"
            ))),
        };
        // Everything the session wrote reaches stdout before the process ends.
        let _ = io.writer.await;
        session
    }
}

/// On stdio the line guard sees the client's cancellations first.
impl EntryPoint for InFlight {
    fn cancellation(&self, id: &RequestId) -> CancellationToken {
        InFlight::cancellation(self, id)
    }
}
