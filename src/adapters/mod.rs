//! Implementations of the ports: Backlog over HTTP, an in-memory Backlog, and
//! MCP over stdio. Adapters never use each other.

pub mod backlog_http;
pub mod mcp;
pub mod memory;
