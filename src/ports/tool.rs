//! Tools as the application defines them, independent of any MCP library: a
//! descriptor (name, schemas, annotations) and a handler that turns JSON
//! arguments into a response. Transports serve a [`ToolCatalog`] of them, in a
//! [`ClientSurface`](super::ClientSurface).

use super::caller::Caller;
use async_trait::async_trait;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;
use tokio_util::sync::CancellationToken;

pub type JsonObject = serde_json::Map<String, Value>;

/// Hints about a tool's behaviour, as MCP defines them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ToolAnnotations {
    /// The tool does not change anything.
    pub read_only: bool,
    /// The tool may delete or overwrite (meaningful only when not read-only).
    pub destructive: bool,
    /// Calling it again with the same arguments changes nothing more.
    pub idempotent: bool,
    /// The tool talks to a system outside this server (Backlog).
    pub open_world: bool,
}

impl ToolAnnotations {
    /// A tool that only reads from Backlog.
    pub const READ: Self = Self {
        read_only: true,
        destructive: false,
        idempotent: true,
        open_world: true,
    };
}

/// What a client sees of a tool before calling it.
#[derive(Debug, Clone, PartialEq)]
pub struct ToolDescriptor {
    pub name: String,
    pub title: String,
    pub description: String,
    pub input_schema: Arc<JsonObject>,
    pub output_schema: Option<Arc<JsonObject>>,
    pub annotations: ToolAnnotations,
}

/// One piece of a tool's answer.
#[derive(Debug, Clone, PartialEq)]
pub enum ToolContent {
    Text(String),
    Image {
        base64_data: String,
        mime_type: String,
    },
    /// A document embedded in the answer (an attachment's text or bytes).
    Resource {
        uri: String,
        mime_type: String,
        body: ResourceBody,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum ResourceBody {
    Text(String),
    Base64(String),
}

/// A tool's answer: content for the model, and the same as structured JSON when
/// the tool has an output schema. Errors are answers too (`is_error`), so the
/// model can read them and correct itself.
#[derive(Debug, Clone, PartialEq)]
pub struct ToolResponse {
    pub content: Vec<ToolContent>,
    pub structured: Option<Value>,
    pub is_error: bool,
}

impl ToolResponse {
    pub fn error(message: impl Into<String>) -> Self {
        Self {
            content: vec![ToolContent::Text(message.into())],
            structured: None,
            is_error: true,
        }
    }

    /// The concatenated text content, for logs and tests.
    pub fn text(&self) -> String {
        self.content
            .iter()
            .filter_map(|c| match c {
                ToolContent::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Progress of a long call: `done` of `total` steps.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub done: u64,
    pub total: Option<u64>,
    pub message: Option<String>,
}

/// Where progress goes; the transport decides whether the client wants it.
#[async_trait]
pub trait ProgressReporter: Send + Sync {
    async fn report(&self, progress: Progress);
}

/// A reporter that drops everything (no client progress token).
pub struct NoProgress;

#[async_trait]
impl ProgressReporter for NoProgress {
    async fn report(&self, _progress: Progress) {}
}

/// What a handler (of a tool, a resource or a prompt) gets besides its
/// arguments. It comes with each call, so one catalog serves every caller.
#[derive(Clone)]
pub struct ToolContext {
    pub progress: Arc<dyn ProgressReporter>,
    /// Cancelled when the client gives up on the call; stop sending requests then.
    pub cancellation: CancellationToken,
    /// Who calls: the application serves the call from the caller's space.
    pub caller: Caller,
}

impl ToolContext {
    /// A context with no progress reporting and no cancellation (tests, CLI use).
    pub fn detached() -> Self {
        Self {
            progress: Arc::new(NoProgress),
            cancellation: CancellationToken::new(),
            caller: Caller::default(),
        }
    }
}

#[async_trait]
pub trait ToolHandler: Send + Sync {
    /// Runs the tool. Every failure, bad arguments included, is an `is_error` response.
    async fn call(&self, arguments: JsonObject, context: ToolContext) -> ToolResponse;
}

pub struct CatalogEntry {
    pub descriptor: ToolDescriptor,
    pub handler: Arc<dyn ToolHandler>,
}

/// The outcome of looking a tool up by name.
pub enum Lookup<'a> {
    Found(&'a CatalogEntry),
    /// The tool exists but this server is configured not to run it; the text says why.
    Refused(&'a str),
    Unknown,
}

/// The tools a server offers, in a fixed order, plus the ones it refuses to run.
#[derive(Default)]
pub struct ToolCatalog {
    entries: Vec<CatalogEntry>,
    index: HashMap<String, usize>,
    refusals: HashMap<String, String>,
}

impl ToolCatalog {
    pub fn new(entries: Vec<CatalogEntry>) -> Self {
        let index = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.descriptor.name.clone(), i))
            .collect();
        Self {
            entries,
            index,
            refusals: HashMap::new(),
        }
    }

    /// Marks a tool that is not offered: calling it gets `reason` as an error.
    pub fn refuse(&mut self, name: impl Into<String>, reason: impl Into<String>) {
        self.refusals.insert(name.into(), reason.into());
    }

    pub fn entries(&self) -> &[CatalogEntry] {
        &self.entries
    }

    pub fn lookup(&self, name: &str) -> Lookup<'_> {
        if let Some(entry) = self.index.get(name).and_then(|&i| self.entries.get(i)) {
            return Lookup::Found(entry);
        }
        match self.refusals.get(name) {
            Some(reason) => Lookup::Refused(reason),
            None => Lookup::Unknown,
        }
    }
}
