//! The space toolset: the space, its users and recent updates.

pub mod activities;
mod activity_names;
pub mod get_space;
pub mod users;

use super::declaration::ToolsetDeclaration;
use crate::app::tooling::Toolset;

impl Toolset {
    /// Named like the enum variant it replaced, so every tool's `ToolInfo`
    /// reads `toolset: Toolset::Space`.
    #[allow(non_upper_case_globals)]
    pub const Space: Toolset = Toolset {
        id: "space",
        description: "the space, its users, their stars and recent updates",
        instructions: "",
    };
}

/// The space toolset's tools, in the order clients list them.
pub const DECLARED: ToolsetDeclaration = ToolsetDeclaration {
    toolset: Toolset::Space,
    tools: &[
        get_space::space_tool,
        activities::space_tool,
        users::users_tool,
        users::stars_tool,
        get_space::myself_tool,
        activities::user_tool,
    ],
};
