//! `tools/list` and `tools/call`: the catalog's tools, each call run with its
//! own context, racing the client's cancellation, a bounded number at once.

use super::convert;
use super::server::McpServer;
use crate::ports::{Lookup, ToolResponse};
use rmcp::RoleServer;
use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, ErrorData, Tool,
};
use rmcp::service::RequestContext;

impl McpServer {
    pub(super) async fn tool_list(&self) -> Result<&[Tool], ErrorData> {
        let surface = self.surface().await?;
        let tools = self.tools.get_or_init(|| async {
            surface
                .tools
                .entries()
                .iter()
                .map(|entry| convert::tool(&entry.descriptor))
                .collect()
        });
        Ok(tools.await)
    }

    pub(super) fn peek_tool(&self, name: &str) -> Option<Tool> {
        let surface = self.surface.peek()?;
        let Lookup::Found(entry) = surface.tools.lookup(name) else {
            return None;
        };
        Some(convert::tool(&entry.descriptor))
    }

    pub(super) async fn run_tool(
        &self,
        request: CallToolRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        let surface = self.surface().await?;
        let entry = match surface.tools.lookup(&request.name) {
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
        let tool_context = self.call_context(&context);
        // The stdio line guard keeps notifications/cancelled from rmcp and
        // cancels this token instead (and drops the answer); rmcp's own token
        // is cancelled when the session ends.
        let cancelled_by_client = tool_context.cancellation.clone();
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
}
