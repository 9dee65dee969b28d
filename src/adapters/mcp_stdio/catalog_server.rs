//! The rmcp `ServerHandler` that lists and calls the catalog's tools.

use super::convert;
use super::progress::PeerProgress;
use crate::ports::{
    Lookup, NoProgress, ProgressReporter, ServiceDescription, ToolCatalog, ToolContext,
    ToolResponse,
};
use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, ErrorData,
    Implementation, ListToolsResult, PaginatedRequestParams, ServerCapabilities, ServerConfig,
    Tool,
};
use rmcp::service::RequestContext;
use rmcp::{RoleServer, ServerHandler};
use std::sync::Arc;

#[derive(Clone)]
pub struct CatalogServer {
    service: Arc<ServiceDescription>,
    catalog: Arc<ToolCatalog>,
    tools: Arc<Vec<Tool>>,
}

impl CatalogServer {
    pub fn new(service: ServiceDescription, catalog: Arc<ToolCatalog>) -> Self {
        let tools = catalog
            .entries()
            .iter()
            .map(|entry| convert::tool(&entry.descriptor))
            .collect();
        Self {
            service: Arc::new(service),
            catalog,
            tools: Arc::new(tools),
        }
    }
}

impl ServerHandler for CatalogServer {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(Implementation::new(
                self.service.name.clone(),
                self.service.version.clone(),
            ))
            .with_instructions(self.service.instructions.clone())
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        Ok(ListToolsResult::with_all_items(self.tools.as_ref().clone()))
    }

    fn get_tool(&self, name: &str) -> Option<Tool> {
        self.tools.iter().find(|t| t.name == name).cloned()
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        let entry = match self.catalog.lookup(&request.name) {
            Lookup::Found(entry) => entry,
            Lookup::Refused(reason) => {
                return Ok(CallToolResult::error(vec![ContentBlock::text(reason)]).into());
            }
            Lookup::Unknown => {
                return Err(ErrorData::invalid_params(
                    format!(
                        "unknown tool `{}`; call tools/list to see the tools this server offers",
                        request.name
                    ),
                    None,
                ));
            }
        };
        let progress: Arc<dyn ProgressReporter> = match context.meta.get_progress_token() {
            Some(token) => Arc::new(PeerProgress {
                peer: context.peer.clone(),
                token,
            }),
            None => Arc::new(NoProgress),
        };
        let tool_context = ToolContext {
            progress,
            cancellation: context.ct.clone(),
        };
        let arguments = request.arguments.unwrap_or_default();
        // rmcp cancels the token on notifications/cancelled but keeps polling the
        // handler; dropping the call here stops every request it has in flight.
        let response = tokio::select! {
            biased;
            () = context.ct.cancelled() => ToolResponse::error("the call was cancelled by the client"),
            response = entry.handler.call(arguments, tool_context) => response,
        };
        Ok(convert::result(response).into())
    }
}
