//! The rmcp `ServerHandler` every entry point serves: the handshake, and each
//! request handed to the part of the surface it asks for (`tool_calls`,
//! `resources`, `prompts`).

use super::entry_point::EntryPoint;
use super::progress::PeerProgress;
use super::resources;
use crate::ports::{
    ClientSurface, NoProgress, ProgressReporter, ServiceDescription, SharedSurface, SurfaceError,
    ToolContext,
};
use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CompleteRequestParams, CompleteResult, CustomRequest,
    CustomResult, ErrorCode, ErrorData, GetPromptRequestParams, GetPromptResponse, Implementation,
    ListPromptsResult, ListResourcesResult, ListToolsResult, PaginatedRequestParams,
    PromptsCapability, ReadResourceRequestParams, ReadResourceResponse, ResourcesCapability,
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
    pub(super) surface: SharedSurface,
    /// The surface's tools as rmcp describes them, made once.
    pub(super) tools: Arc<OnceCell<Vec<Tool>>>,
    pub(super) running_calls: Arc<Semaphore>,
    /// What the transport knows about each request.
    entry_point: Arc<dyn EntryPoint>,
}

impl McpServer {
    pub fn new(
        service: ServiceDescription,
        surface: SharedSurface,
        entry_point: Arc<dyn EntryPoint>,
    ) -> Self {
        Self {
            service: Arc::new(service),
            surface,
            tools: Arc::new(OnceCell::new()),
            running_calls: Arc::new(Semaphore::new(MAX_CONCURRENT_CALLS)),
            entry_point,
        }
    }

    /// The surface, waiting for it while it is being built.
    pub(super) async fn surface(&self) -> Result<Arc<ClientSurface>, ErrorData> {
        self.surface.get().await.ok_or_else(|| {
            ErrorData::internal_error(
                "this server's tool configuration is invalid; its log says why",
                None,
            )
        })
    }

    /// What a handler gets for this request: progress when the client asked
    /// for it, the client's cancellation, and the caller.
    pub(super) fn call_context(&self, request: &RequestContext<RoleServer>) -> ToolContext {
        let progress: Arc<dyn ProgressReporter> = match request.meta.get_progress_token() {
            Some(token) => Arc::new(PeerProgress {
                peer: request.peer.clone(),
                token,
            }),
            None => Arc::new(NoProgress),
        };
        ToolContext {
            progress,
            cancellation: self.entry_point.cancellation(&request.id),
            caller: self.entry_point.caller(request),
        }
    }

    /// Runs a resource's or a prompt's handler in turn with the tool calls,
    /// giving up when the client cancels the request or the session ends.
    pub(super) async fn bounded<T>(
        &self,
        call: &ToolContext,
        request: &RequestContext<RoleServer>,
        work: impl Future<Output = Result<T, SurfaceError>>,
    ) -> Result<T, ErrorData> {
        tokio::select! {
            biased;
            () = call.cancellation.cancelled() => Err(ErrorData::internal_error("the request was cancelled by the client", None)),
            () = request.ct.cancelled() => Err(ErrorData::internal_error("the session is ending", None)),
            outcome = async {
                let _turn = self.running_calls.acquire().await;
                work.await
            } => outcome.map_err(resources::error),
        }
    }

    /// Tools always; resources, prompts and completions only when the
    /// surface has some, so a client does not look for what is not there.
    fn capabilities(&self) -> ServerCapabilities {
        let offers = self.surface.offers();
        let mut capabilities = ServerCapabilities::builder().enable_tools().build();
        if offers.resources {
            capabilities.resources = Some(ResourcesCapability::default());
        }
        if offers.prompts {
            capabilities.prompts = Some(PromptsCapability::default());
        }
        if offers.completions() {
            capabilities.completions = Some(Default::default());
        }
        capabilities
    }
}

impl ServerHandler for McpServer {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(self.capabilities())
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
            self.tool_list().await?.to_vec(),
        ))
    }

    fn get_tool(&self, name: &str) -> Option<Tool> {
        self.peek_tool(name)
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        self.run_tool(request, context).await
    }

    async fn list_resources(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListResourcesResult, ErrorData> {
        self.resource_list().await
    }

    async fn read_resource(
        &self,
        request: ReadResourceRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<ReadResourceResponse, ErrorData> {
        self.read(request, context).await
    }

    async fn list_prompts(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListPromptsResult, ErrorData> {
        self.prompt_list().await
    }

    async fn get_prompt(
        &self,
        request: GetPromptRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<GetPromptResponse, ErrorData> {
        self.prompt(request, context).await
    }

    async fn complete(
        &self,
        request: CompleteRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CompleteResult, ErrorData> {
        self.completion(request, context).await
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
