//! The rmcp `ServerHandler` every entry point serves: lists and calls the catalog's tools.

use super::convert;
use super::entry_point::EntryPoint;
use super::progress::PeerProgress;
use crate::ports::{
    Lookup, NoProgress, ProgressReporter, ServiceDescription, SharedCatalog, ToolCatalog,
    ToolContext, ToolResponse,
};
use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, CustomRequest,
    CustomResult, ErrorCode, ErrorData, Implementation, ListToolsResult, PaginatedRequestParams,
    ServerCapabilities, ServerConfig, Tool,
};
use rmcp::service::RequestContext;
use rmcp::{RoleServer, ServerHandler};
use std::sync::Arc;
use tokio::sync::{OnceCell, Semaphore};

/// Client requests MCP defines.
const STANDARD_METHODS: [&str; 12] = [
    "initialize",
    "ping",
    "tools/list",
    "tools/call",
    "resources/list",
    "resources/read",
    "resources/templates/list",
    "prompts/list",
    "prompts/get",
    "completion/complete",
    "logging/setLevel",
    "server/discover",
];

/// Tool calls running at once; more wait their turn, which bounds memory and
/// the load on Backlog however many requests a client pipelines.
const MAX_CONCURRENT_CALLS: usize = 16;

#[derive(Clone)]
pub struct McpServer {
    service: Arc<ServiceDescription>,
    catalog: SharedCatalog,
    /// The catalog's tools as rmcp describes them, made once.
    tools: Arc<OnceCell<Vec<Tool>>>,
    running_calls: Arc<Semaphore>,
    /// What the transport knows about each request.
    entry_point: Arc<dyn EntryPoint>,
}

impl McpServer {
    pub fn new(
        service: ServiceDescription,
        catalog: SharedCatalog,
        entry_point: Arc<dyn EntryPoint>,
    ) -> Self {
        Self {
            service: Arc::new(service),
            catalog,
            tools: Arc::new(OnceCell::new()),
            running_calls: Arc::new(Semaphore::new(MAX_CONCURRENT_CALLS)),
            entry_point,
        }
    }
}

impl McpServer {
    /// The catalog, waiting for it while it is being built.
    async fn catalog(&self) -> Result<Arc<ToolCatalog>, ErrorData> {
        self.catalog.get().await.ok_or_else(|| {
            ErrorData::internal_error(
                "this server's tool configuration is invalid; its log says why",
                None,
            )
        })
    }

    async fn tools(&self) -> Result<&[Tool], ErrorData> {
        let catalog = self.catalog().await?;
        let tools = self.tools.get_or_init(|| async {
            catalog
                .entries()
                .iter()
                .map(|entry| convert::tool(&entry.descriptor))
                .collect()
        });
        Ok(tools.await)
    }
}

impl ServerHandler for McpServer {
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
        Ok(ListToolsResult::with_all_items(
            self.tools().await?.to_vec(),
        ))
    }

    fn get_tool(&self, name: &str) -> Option<Tool> {
        let catalog = self.catalog.peek()?;
        let Lookup::Found(entry) = catalog.lookup(name) else {
            return None;
        };
        Some(convert::tool(&entry.descriptor))
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        let catalog = self.catalog().await?;
        let entry = match catalog.lookup(&request.name) {
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
        // The stdio line guard keeps notifications/cancelled from rmcp and
        // cancels this token instead (and drops the answer); rmcp's own token
        // is cancelled when the session ends.
        let cancelled_by_client = self.entry_point.cancellation(&context.id);
        let tool_context = ToolContext {
            progress,
            cancellation: cancelled_by_client.clone(),
        };
        let arguments = request.arguments.unwrap_or_default();
        // Dropping the call stops every request it has in flight.
        let response = tokio::select! {
            biased;
            () = cancelled_by_client.cancelled() => ToolResponse::error("the call was cancelled by the client"),
            () = context.ct.cancelled() => ToolResponse::error("the session is ending"),
            response = async {
                let _turn = self.running_calls.acquire().await;
                entry.handler.call(arguments, tool_context).await
            } => response,
        };
        Ok(convert::result(response).into())
    }

    /// rmcp hands over standard requests whose params do not fit the schema as
    /// "custom" ones; answer those with invalid params rather than "no such method".
    async fn on_custom_request(
        &self,
        request: CustomRequest,
        _context: RequestContext<RoleServer>,
    ) -> Result<CustomResult, ErrorData> {
        let method = request.method;
        if STANDARD_METHODS.contains(&method.as_str()) {
            Err(ErrorData::invalid_params(
                format!("the params of `{method}` do not match the MCP schema for it"),
                None,
            ))
        } else {
            Err(ErrorData::new(
                ErrorCode::METHOD_NOT_FOUND,
                format!("method `{method}` is not supported"),
                None,
            ))
        }
    }
}
