//! The space toolset: the space, its users and recent updates.

pub mod activities;
mod activity_names;
pub mod get_space;
pub mod users;
