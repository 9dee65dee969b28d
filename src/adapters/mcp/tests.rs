//! The server core driven in-process by rmcp's client, with a surface holding
//! a test resource and a test prompt.

use super::entry_point::EntryPoint;
use super::server::McpServer;
use crate::ports::{
    BacklogCredentials, Caller, ClientSurface, PromptArgument, PromptCatalog, PromptDescriptor,
    PromptEntry, PromptHandler, PromptMessage, PromptRole, ResourceBody, ResourceCatalog,
    ResourceContent, ResourceDescriptor, ResourceEntry, ResourceHandler, ServiceDescription,
    SharedSurface, SurfaceError, SurfaceOffers, ToolCatalog, ToolContext,
};
use async_trait::async_trait;
use rmcp::model::{
    ErrorCode, GetPromptRequestParams, ReadResourceRequestParams, ResourceContents, Role,
};
use rmcp::service::{RequestContext, RunningService};
use rmcp::{RoleClient, RoleServer, ServiceExt};
use serde_json::json;
use std::collections::BTreeMap;
use std::sync::Arc;
use tokio_util::sync::CancellationToken;

/// An entry point whose every request comes from space A.
struct FromSpaceA;

impl EntryPoint for FromSpaceA {
    fn cancellation(&self, _id: &rmcp::model::RequestId) -> CancellationToken {
        CancellationToken::new()
    }

    fn caller(&self, _request: &RequestContext<RoleServer>) -> Caller {
        Caller {
            credentials: Some(BacklogCredentials {
                base_url: url::Url::parse("https://a.example").unwrap(),
                api_key: "key".into(),
            }),
        }
    }
}

/// The space the call's caller named.
fn space(context: &ToolContext) -> String {
    context
        .caller
        .credentials
        .as_ref()
        .map_or("start-up".to_owned(), |c| c.base_url.to_string())
}

struct Guide;

#[async_trait]
impl ResourceHandler for Guide {
    async fn read(&self, context: ToolContext) -> Result<Vec<ResourceContent>, SurfaceError> {
        Ok(vec![ResourceContent {
            uri: "backlog://guide".to_owned(),
            mime_type: "text/markdown".to_owned(),
            body: ResourceBody::Text(format!("read for {}", space(&context))),
        }])
    }
}

struct Triage;

#[async_trait]
impl PromptHandler for Triage {
    async fn get(
        &self,
        arguments: BTreeMap<String, String>,
        context: ToolContext,
    ) -> Result<Vec<PromptMessage>, SurfaceError> {
        let project = arguments.get("project").cloned().unwrap_or_default();
        Ok(vec![PromptMessage {
            role: PromptRole::User,
            text: format!("triage {project} in {}", space(&context)),
        }])
    }

    async fn complete(&self, argument: &str, typed: &str, _: ToolContext) -> Vec<String> {
        let keys = (0..150).map(|n| format!("WEB{n}"));
        match argument {
            "project" => keys.filter(|k| k.starts_with(typed)).collect(),
            _ => Vec::new(),
        }
    }
}

fn surface() -> ClientSurface {
    ClientSurface {
        tools: ToolCatalog::default(),
        resources: ResourceCatalog::new(vec![ResourceEntry {
            descriptor: ResourceDescriptor {
                uri: "backlog://guide".to_owned(),
                name: "guide".to_owned(),
                title: "Guide".to_owned(),
                description: "How to use the tools.".to_owned(),
                mime_type: "text/markdown".to_owned(),
            },
            handler: Arc::new(Guide),
        }]),
        prompts: PromptCatalog::new(vec![PromptEntry {
            descriptor: PromptDescriptor {
                name: "triage".to_owned(),
                title: "Triage".to_owned(),
                description: "Sort a project's new issues.".to_owned(),
                arguments: vec![PromptArgument {
                    name: "project".to_owned(),
                    description: "The project key.".to_owned(),
                    required: true,
                }],
            },
            handler: Arc::new(Triage),
        }]),
    }
}

async fn connect(surface: SharedSurface) -> RunningService<RoleClient, ()> {
    let (client_out, server_in) = tokio::io::duplex(1 << 16);
    let (server_out, client_in) = tokio::io::duplex(1 << 16);
    let service = ServiceDescription {
        name: "test".to_owned(),
        version: "0".to_owned(),
        instructions: String::new(),
    };
    let server = McpServer::new(service, surface, Arc::new(FromSpaceA));
    tokio::spawn(async move {
        if let Ok(running) = server.serve((server_in, server_out)).await {
            let _ = running.waiting().await;
        }
    });
    ().serve((client_in, client_out)).await.unwrap()
}

#[tokio::test]
async fn resources_prompts_and_completions_are_declared_listed_and_answered() {
    let client = connect(SharedSurface::ready(surface())).await;
    let capabilities = &client.peer_info().unwrap().capabilities;
    assert!(capabilities.tools.is_some());
    assert!(capabilities.resources.is_some());
    assert!(capabilities.prompts.is_some());
    assert!(capabilities.completions.is_some());

    let resources = client.list_resources(None).await.unwrap().resources;
    assert_eq!(resources.len(), 1);
    assert_eq!(resources[0].uri, "backlog://guide");
    assert_eq!(resources[0].mime_type.as_deref(), Some("text/markdown"));
    let read = client
        .read_resource(ReadResourceRequestParams::new("backlog://guide"))
        .await
        .unwrap();
    let [ResourceContents::TextResourceContents { text, .. }] = read.contents.as_slice() else {
        panic!("one text document: {read:?}");
    };
    assert_eq!(
        text, "read for https://a.example/",
        "the caller came with the read"
    );
    let missing = client
        .read_resource(ReadResourceRequestParams::new("backlog://nothing"))
        .await
        .unwrap_err()
        .to_string();
    assert!(
        missing.contains("unknown resource `backlog://nothing`"),
        "{missing}"
    );

    let prompts = client.list_prompts(None).await.unwrap().prompts;
    assert_eq!(prompts[0].name, "triage");
    assert_eq!(
        prompts[0].arguments.as_ref().unwrap()[0].required,
        Some(true)
    );
    let arguments = json!({"project": "WEB"}).as_object().cloned().unwrap();
    let got = client
        .get_prompt(GetPromptRequestParams::new("triage").with_arguments(arguments))
        .await
        .unwrap();
    assert_eq!(got.messages.len(), 1);
    assert_eq!(got.messages[0].role, Role::User);
    assert_eq!(
        serde_json::to_value(&got.messages[0].content).unwrap()["text"],
        "triage WEB in https://a.example/"
    );
    let without = client
        .get_prompt(GetPromptRequestParams::new("triage"))
        .await
        .unwrap_err()
        .to_string();
    assert!(
        without.contains("needs the argument `project`"),
        "{without}"
    );

    let completion = client
        .complete_prompt_argument("triage", "project", "WEB1", None)
        .await
        .unwrap();
    assert_eq!(completion.values.len(), 61, "WEB1, WEB10-19, WEB100-149");
    let all = client
        .complete_prompt_argument("triage", "project", "", None)
        .await
        .unwrap();
    assert_eq!(all.values.len(), 100, "at most 100 values");
    assert_eq!((all.total, all.has_more), (Some(150), Some(true)));
    client.cancel().await.unwrap();
}

#[tokio::test]
async fn a_surface_without_resources_or_prompts_declares_only_tools() {
    let pending = SharedSurface::pending(SurfaceOffers::default(), std::future::pending());
    let client = connect(pending).await;
    let capabilities = &client.peer_info().unwrap().capabilities;
    assert!(capabilities.tools.is_some());
    assert!(capabilities.resources.is_none());
    assert!(capabilities.prompts.is_none());
    assert!(capabilities.completions.is_none());
    // Answered without waiting for the surface, which is never built here.
    assert!(
        client
            .list_resources(None)
            .await
            .unwrap()
            .resources
            .is_empty()
    );
    assert!(client.list_prompts(None).await.unwrap().prompts.is_empty());
    let read = client
        .read_resource(ReadResourceRequestParams::new("backlog://guide"))
        .await
        .unwrap_err();
    let rmcp::ServiceError::McpError(error) = read else {
        panic!("{read}");
    };
    assert_eq!(error.code, ErrorCode::METHOD_NOT_FOUND);
    client.cancel().await.unwrap();
}
