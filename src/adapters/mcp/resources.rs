//! `resources/list` and `resources/read`. A server with no resources answers
//! as rmcp does by default (an empty list, "method not found" for a read),
//! without waiting for its surface.

use super::convert;
use super::server::McpServer;
use crate::ports::{ResourceDescriptor, SurfaceError};
use rmcp::RoleServer;
use rmcp::model::{
    ErrorData, ListResourcesResult, ReadResourceRequestMethod, ReadResourceRequestParams,
    ReadResourceResponse, ReadResourceResult, Resource,
};
use rmcp::service::RequestContext;

impl McpServer {
    pub(super) async fn resource_list(&self) -> Result<ListResourcesResult, ErrorData> {
        if !self.surface.offers().resources {
            return Ok(ListResourcesResult::default());
        }
        let surface = self.surface().await?;
        Ok(ListResourcesResult::with_all_items(
            surface
                .resources
                .entries()
                .iter()
                .map(|entry| resource(&entry.descriptor))
                .collect(),
        ))
    }

    pub(super) async fn read(
        &self,
        request: ReadResourceRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<ReadResourceResponse, ErrorData> {
        if !self.surface.offers().resources {
            return Err(ErrorData::method_not_found::<ReadResourceRequestMethod>());
        }
        let surface = self.surface().await?;
        let Some(entry) = surface.resources.lookup(&request.uri) else {
            return Err(ErrorData::resource_not_found(
                format!(
                    "unknown resource `{}`; call resources/list to see the resources this server offers",
                    request.uri
                ),
                None,
            ));
        };
        let call = self.call_context(&context);
        let contents = self
            .bounded(&call, &context, entry.handler.read(call.clone()))
            .await?;
        Ok(ReadResourceResult::new(
            contents
                .into_iter()
                .map(|c| convert::resource_contents(c.uri, c.mime_type, c.body))
                .collect(),
        )
        .into())
    }
}

fn resource(descriptor: &ResourceDescriptor) -> Resource {
    Resource::new(descriptor.uri.clone(), descriptor.name.clone())
        .with_title(descriptor.title.clone())
        .with_description(descriptor.description.clone())
        .with_mime_type(descriptor.mime_type.clone())
}

/// The protocol error for a resource or prompt that could not be answered.
pub fn error(error: SurfaceError) -> ErrorData {
    match error {
        SurfaceError::Unknown(message) => ErrorData::resource_not_found(message, None),
        SurfaceError::InvalidArguments(message) => ErrorData::invalid_params(message, None),
        SurfaceError::Failed(message) => ErrorData::internal_error(message, None),
    }
}
