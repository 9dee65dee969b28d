//! backlog-mcp: a Model Context Protocol server for Nulab Backlog.
//!
//! Hexagonal layout: [`domain`] is the pure model, [`ports`] the traits the
//! application needs, [`adapters`] their implementations (Backlog over HTTP, an
//! in-memory Backlog, MCP over stdio) and [`app`] the use cases, the tool
//! catalog, configuration and the composition root.

pub mod adapters;
pub mod app;
pub mod domain;
pub mod ports;
