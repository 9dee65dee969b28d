//! The project toolset: projects, their members, statuses and vocabulary.

pub mod project_vocabulary;
pub mod projects;
