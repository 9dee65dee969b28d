//! The project toolset: projects, their members, statuses and vocabulary.

pub mod project_vocabulary;
pub mod projects;

use super::declaration::ToolsetDeclaration;
use crate::app::tooling::Toolset;

impl Toolset {
    /// Named like the enum variant it replaced, so every tool's `ToolInfo`
    /// reads `toolset: Toolset::Project`.
    #[allow(non_upper_case_globals)]
    pub const Project: Toolset = Toolset {
        id: "project",
        description: "projects, their members, statuses and everything a project names",
        instructions: "get_project_metadata shows a project's statuses, types, \
categories, milestones, custom fields and members in one call.",
    };
}

/// The project toolset's tools, in the order clients list them.
pub const DECLARED: ToolsetDeclaration = ToolsetDeclaration {
    toolset: Toolset::Project,
    tools: &[
        projects::list_tool,
        projects::add_tool,
        projects::get_tool,
        project_vocabulary::users_tool,
        projects::update_tool,
        project_vocabulary::statuses_tool,
        project_vocabulary::metadata_tool,
    ],
};
