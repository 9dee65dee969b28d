//! The project toolset: projects, their members, statuses and vocabulary.

pub mod add_project;
mod formatting_arg;
pub mod get_project;
pub mod get_project_list;
pub mod get_project_metadata;
pub mod get_project_statuses;
pub mod get_project_users;
pub mod update_project;

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
        get_project_list::tool,
        add_project::tool,
        get_project::tool,
        get_project_users::tool,
        update_project::tool,
        get_project_statuses::tool,
        get_project_metadata::tool,
    ],
};
