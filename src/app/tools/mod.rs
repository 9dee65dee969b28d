//! The tool catalog: every toolset's folder declares the toolset and its
//! tools (`DECLARED` in its `mod.rs`); the catalog is their concatenation, in
//! the order clients list them. Adding a toolset is a folder and a line here.

pub mod common;
mod declaration;
pub mod issue;
pub mod project;
mod register;
pub mod space;

use super::context::AppContext;
use super::tooling::{AppTool, ToolKit, Toolset};
use declaration::ToolsetDeclaration;
use std::sync::Arc;

pub use declaration::ToolConstructor;

/// Every toolset, in the order clients list their tools.
const TOOLSETS: [&ToolsetDeclaration; 3] = [&space::DECLARED, &project::DECLARED, &issue::DECLARED];

/// Every toolset this server has.
pub fn toolsets() -> impl Iterator<Item = Toolset> {
    TOOLSETS.into_iter().map(|declared| declared.toolset)
}

/// All tools, in the order clients list them.
pub fn all_tools(app: &Arc<AppContext>, kit: ToolKit) -> Vec<AppTool> {
    TOOLSETS
        .into_iter()
        .flat_map(|declared| declared.build(&kit, app))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::test_support::demo_app;

    #[test]
    fn every_tool_belongs_to_the_toolset_whose_folder_declares_it() {
        let app = Arc::new(demo_app());
        let kit = ToolKit { max_tokens: 20_000 };
        for declared in TOOLSETS {
            for tool in declared.build(&kit, &app) {
                assert_eq!(
                    tool.toolset, declared.toolset,
                    "{}",
                    tool.entry.descriptor.name
                );
            }
        }
    }

    #[test]
    fn the_readme_describes_every_toolset() {
        let readme = include_str!("../../../README.md");
        for toolset in toolsets() {
            assert!(
                readme.contains(&format!("**`{}`**", toolset.id)),
                "README.md has no section for the `{}` toolset ({})",
                toolset.id,
                toolset.description
            );
        }
    }

    #[test]
    fn toolset_ids_are_distinct() {
        let ids: std::collections::BTreeSet<&str> = toolsets().map(|t| t.id).collect();
        assert_eq!(ids.len(), TOOLSETS.len());
    }
}
