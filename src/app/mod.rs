//! Use cases, the tool catalog, configuration and the composition root.

pub mod backlog;
pub mod cli;
pub mod composition;
pub mod context;
pub mod issue_scan;
pub mod resolve;
pub mod runtime_config;
pub mod scope;
pub mod settings;
pub mod spaces;
pub mod surface;
pub mod tool_selection;
pub mod tooling;
pub mod tools;
pub mod views;

#[cfg(test)]
pub(crate) mod test_support;
