//! The space toolset: the space, its users and recent updates.

pub mod activities;
pub mod get_space;
pub mod users;
