//! What a toolset's folder declares: the toolset and its tools, in the order
//! clients list them.

use crate::app::context::AppContext;
use crate::app::tooling::{AppTool, ToolKit, Toolset};
use std::sync::Arc;

/// Builds one tool: each tool file's `pub fn tool`.
pub type ToolConstructor = fn(&ToolKit, &Arc<AppContext>) -> AppTool;

/// A toolset folder's `DECLARED`: adding a tool is one line in `tools`.
pub struct ToolsetDeclaration {
    pub toolset: Toolset,
    pub tools: &'static [ToolConstructor],
}

impl ToolsetDeclaration {
    /// Its tools, built.
    pub fn build(&self, kit: &ToolKit, app: &Arc<AppContext>) -> impl Iterator<Item = AppTool> {
        self.tools.iter().map(move |tool| tool(kit, app))
    }
}
