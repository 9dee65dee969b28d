//! MCP with rmcp, the only module that knows rmcp's types. The server core
//! (`server`: initialize, tools, resources, prompts, completions; `convert`;
//! `progress`) serves a [`SharedSurface`](crate::ports::SharedSurface) the
//! same way whatever carries the messages; each transport is an entry point
//! beside it: `stdio` today, Streamable HTTP (`http`) later.

mod convert;
mod entry_point;
mod progress;
mod server;
mod stdio;

pub use stdio::McpStdio;
