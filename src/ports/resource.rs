//! Resources as the application defines them, independent of any MCP library:
//! documents a client can list and read by URI.

use super::tool::{ResourceBody, ToolContext};
use async_trait::async_trait;
use std::sync::Arc;

/// What a client sees of a resource before reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceDescriptor {
    pub uri: String,
    /// A short programmatic name.
    pub name: String,
    pub title: String,
    pub description: String,
    pub mime_type: String,
}

/// One document a read returns.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceContent {
    pub uri: String,
    pub mime_type: String,
    pub body: ResourceBody,
}

/// Why a resource read or a prompt could not be answered; the transport maps
/// each to its protocol error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SurfaceError {
    /// No such resource or prompt.
    #[error("{0}")]
    Unknown(String),
    /// The request's arguments are wrong; the text says how.
    #[error("{0}")]
    InvalidArguments(String),
    /// Answering failed (Backlog could not be reached …); the text says why.
    #[error("{0}")]
    Failed(String),
}

#[async_trait]
pub trait ResourceHandler: Send + Sync {
    /// Reads the resource for the caller in `context`.
    async fn read(&self, context: ToolContext) -> Result<Vec<ResourceContent>, SurfaceError>;
}

pub struct ResourceEntry {
    pub descriptor: ResourceDescriptor,
    pub handler: Arc<dyn ResourceHandler>,
}

/// The resources a server offers, in a fixed order.
#[derive(Default)]
pub struct ResourceCatalog {
    entries: Vec<ResourceEntry>,
}

impl ResourceCatalog {
    pub fn new(entries: Vec<ResourceEntry>) -> Self {
        Self { entries }
    }

    pub fn entries(&self) -> &[ResourceEntry] {
        &self.entries
    }

    pub fn lookup(&self, uri: &str) -> Option<&ResourceEntry> {
        self.entries.iter().find(|e| e.descriptor.uri == uri)
    }
}
