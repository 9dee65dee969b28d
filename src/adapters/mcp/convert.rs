//! From the application's tool and document types to rmcp's.

use crate::ports::{ResourceBody, ToolContent, ToolDescriptor, ToolResponse};
use rmcp::model::{CallToolResult, ContentBlock, ResourceContents, Tool, ToolAnnotations};

pub fn tool(descriptor: &ToolDescriptor) -> Tool {
    let hints = descriptor.annotations;
    let mut annotations = ToolAnnotations::with_title(descriptor.title.clone())
        .read_only(hints.read_only)
        .open_world(hints.open_world);
    if !hints.read_only {
        annotations = annotations
            .destructive(hints.destructive)
            .idempotent(hints.idempotent);
    } else {
        annotations = annotations.idempotent(true).destructive(false);
    }
    let mut tool = Tool::new(
        descriptor.name.clone(),
        descriptor.description.clone(),
        descriptor.input_schema.clone(),
    )
    .with_title(descriptor.title.clone())
    .with_annotations(annotations);
    if let Some(schema) = &descriptor.output_schema {
        tool = tool.with_raw_output_schema(schema.clone());
    }
    tool
}

pub fn result(response: ToolResponse) -> CallToolResult {
    let content: Vec<ContentBlock> = response.content.into_iter().map(content_block).collect();
    let mut result = if response.is_error {
        CallToolResult::error(content)
    } else {
        CallToolResult::success(content)
    };
    result.structured_content = response.structured;
    result
}

fn content_block(content: ToolContent) -> ContentBlock {
    match content {
        ToolContent::Text(text) => ContentBlock::text(text),
        ToolContent::Image {
            base64_data,
            mime_type,
        } => ContentBlock::image(base64_data, mime_type),
        ToolContent::Resource {
            uri,
            mime_type,
            body,
        } => ContentBlock::resource(resource_contents(uri, mime_type, body)),
    }
}

/// A document, embedded in a tool's answer or read as a resource.
pub fn resource_contents(uri: String, mime_type: String, body: ResourceBody) -> ResourceContents {
    match body {
        ResourceBody::Text(text) => ResourceContents::TextResourceContents {
            uri,
            mime_type: Some(mime_type),
            text,
            meta: None,
        },
        ResourceBody::Base64(blob) => ResourceContents::BlobResourceContents {
            uri,
            mime_type: Some(mime_type),
            blob,
            meta: None,
        },
    }
}
