//! Prompts as the application defines them, independent of any MCP library:
//! message templates a user picks, with string arguments the server can
//! complete.

use super::resource::SurfaceError;
use super::tool::ToolContext;
use async_trait::async_trait;
use std::collections::BTreeMap;
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromptArgument {
    pub name: String,
    pub description: String,
    pub required: bool,
}

/// What a client sees of a prompt before getting it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromptDescriptor {
    pub name: String,
    pub title: String,
    pub description: String,
    pub arguments: Vec<PromptArgument>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptRole {
    User,
    Assistant,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromptMessage {
    pub role: PromptRole,
    pub text: String,
}

#[async_trait]
pub trait PromptHandler: Send + Sync {
    /// The prompt's messages for these arguments.
    async fn get(
        &self,
        arguments: BTreeMap<String, String>,
        context: ToolContext,
    ) -> Result<Vec<PromptMessage>, SurfaceError>;

    /// Values for `argument` that start like `typed` (project keys, status
    /// names …); none by default.
    async fn complete(&self, _argument: &str, _typed: &str, _context: ToolContext) -> Vec<String> {
        Vec::new()
    }
}

pub struct PromptEntry {
    pub descriptor: PromptDescriptor,
    pub handler: Arc<dyn PromptHandler>,
}

/// The prompts a server offers, in a fixed order.
#[derive(Default)]
pub struct PromptCatalog {
    entries: Vec<PromptEntry>,
}

impl PromptCatalog {
    pub fn new(entries: Vec<PromptEntry>) -> Self {
        Self { entries }
    }

    pub fn entries(&self) -> &[PromptEntry] {
        &self.entries
    }

    pub fn lookup(&self, name: &str) -> Option<&PromptEntry> {
        self.entries.iter().find(|e| e.descriptor.name == name)
    }
}
