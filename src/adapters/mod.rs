//! Implementations of the ports: Backlog over HTTP, an in-memory Backlog, and
//! MCP (the server core, with stdio as its entry point). Adapters never use
//! each other.

pub mod backlog_http;
pub mod mcp;
pub mod memory;
