//! `prompts/list`, `prompts/get` and `completion/complete` (of prompt
//! arguments). A server with no prompts answers as rmcp does by default,
//! without waiting for its surface.

use super::resources::error;
use super::server::McpServer;
use crate::ports::{PromptDescriptor, PromptRole, SurfaceError};
use rmcp::RoleServer;
use rmcp::model::{
    CompleteRequestParams, CompleteResult, CompletionInfo, ErrorData, GetPromptRequestMethod,
    GetPromptRequestParams, GetPromptResponse, GetPromptResult, ListPromptsResult, Prompt,
    PromptArgument, PromptMessage, Reference, Role,
};
use rmcp::service::RequestContext;
use serde_json::Value;
use std::collections::BTreeMap;

impl McpServer {
    pub(super) async fn prompt_list(&self) -> Result<ListPromptsResult, ErrorData> {
        if !self.surface.offers().prompts {
            return Ok(ListPromptsResult::default());
        }
        let surface = self.surface().await?;
        Ok(ListPromptsResult::with_all_items(
            surface
                .prompts
                .entries()
                .iter()
                .map(|entry| prompt(&entry.descriptor))
                .collect(),
        ))
    }

    pub(super) async fn prompt(
        &self,
        request: GetPromptRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<GetPromptResponse, ErrorData> {
        if !self.surface.offers().prompts {
            return Err(ErrorData::method_not_found::<GetPromptRequestMethod>());
        }
        let surface = self.surface().await?;
        let Some(entry) = surface.prompts.lookup(&request.name) else {
            return Err(unknown_prompt(&request.name));
        };
        let arguments = arguments(&entry.descriptor, request.arguments.unwrap_or_default())?;
        let call = self.call_context(&context);
        let messages = self
            .bounded(&call, &context, entry.handler.get(arguments, call.clone()))
            .await?;
        Ok(GetPromptResult::new(
            messages
                .into_iter()
                .map(|m| PromptMessage::new_text(role(m.role), m.text))
                .collect(),
        )
        .with_description(entry.descriptor.description.clone())
        .into())
    }

    pub(super) async fn completion(
        &self,
        request: CompleteRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CompleteResult, ErrorData> {
        // Resource templates are the other thing MCP completes; there are none.
        let Reference::Prompt(reference) = request.r#ref else {
            return Ok(CompleteResult::default());
        };
        if !self.surface.offers().completions() {
            return Ok(CompleteResult::default());
        }
        let surface = self.surface().await?;
        let Some(entry) = surface.prompts.lookup(&reference.name) else {
            return Err(unknown_prompt(&reference.name));
        };
        let call = self.call_context(&context);
        let mut values = entry
            .handler
            .complete(&request.argument.name, &request.argument.value, call)
            .await;
        let total = u32::try_from(values.len()).unwrap_or(u32::MAX);
        let has_more = values.len() > CompletionInfo::MAX_VALUES;
        values.truncate(CompletionInfo::MAX_VALUES);
        let info = CompletionInfo::with_pagination(values, Some(total), has_more)
            .map_err(|problem| ErrorData::internal_error(problem, None))?;
        Ok(CompleteResult::new(info))
    }
}

fn prompt(descriptor: &PromptDescriptor) -> Prompt {
    let arguments = descriptor
        .arguments
        .iter()
        .map(|a| {
            PromptArgument::new(a.name.clone())
                .with_description(a.description.clone())
                .with_required(a.required)
        })
        .collect();
    Prompt::new(
        descriptor.name.clone(),
        Some(descriptor.description.clone()),
        Some(arguments),
    )
    .with_title(descriptor.title.clone())
}

fn unknown_prompt(name: &str) -> ErrorData {
    ErrorData::invalid_params(
        format!("unknown prompt `{name}`; call prompts/list to see the prompts this server offers"),
        None,
    )
}

/// MCP prompt arguments are strings; the required ones must be there.
fn arguments(
    descriptor: &PromptDescriptor,
    given: serde_json::Map<String, Value>,
) -> Result<BTreeMap<String, String>, ErrorData> {
    let mut arguments = BTreeMap::new();
    for (name, value) in given {
        let Value::String(text) = value else {
            return Err(error(SurfaceError::InvalidArguments(format!(
                "prompt argument `{name}` must be a string"
            ))));
        };
        arguments.insert(name, text);
    }
    if let Some(missing) = descriptor
        .arguments
        .iter()
        .find(|a| a.required && !arguments.contains_key(&a.name))
    {
        return Err(error(SurfaceError::InvalidArguments(format!(
            "prompt `{}` needs the argument `{}`",
            descriptor.name, missing.name
        ))));
    }
    Ok(arguments)
}

fn role(role: PromptRole) -> Role {
    match role {
        PromptRole::User => Role::User,
        PromptRole::Assistant => Role::Assistant,
    }
}
