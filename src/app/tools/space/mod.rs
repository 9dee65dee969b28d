//! The space toolset: the space, its users and recent updates.

mod activity_list;
mod activity_names;
pub mod get_myself;
pub mod get_space;
pub mod get_space_activities;
pub mod get_user_recent_updates;
pub mod get_user_stars_count;
pub mod get_users;

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
        get_space::tool,
        get_space_activities::tool,
        get_users::tool,
        get_user_stars_count::tool,
        get_myself::tool,
        get_user_recent_updates::tool,
    ],
};
