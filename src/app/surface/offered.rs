//! Whether the tool selection keeps a resource or a prompt. Selections name
//! tools (BACKLOG_TOOLS, BACKLOG_EXCLUDE_TOOLS), so they reach resources and
//! prompts through the tools these need: a prompt that relies on an excluded,
//! unlisted or writing tool (in read-only mode) is not offered. Toolsets
//! apply directly, and the prefix is added to their names.

use crate::app::tool_selection::ToolSelection;
use crate::ports::{Lookup, ToolCatalog};

pub fn offered(
    selection: &ToolSelection,
    tools: &ToolCatalog,
    toolset: &str,
    needs: &[&str],
) -> bool {
    let toolset_enabled = selection
        .toolsets
        .as_ref()
        .is_none_or(|sets| sets.iter().any(|set| set.name() == toolset));
    toolset_enabled
        && needs.iter().all(|tool| {
            matches!(
                tools.lookup(&format!("{}{tool}", selection.prefix)),
                Lookup::Found(_)
            )
        })
}
