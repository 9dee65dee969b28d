//! MCP with rmcp, the only module that knows rmcp's types. The server core
//! (`server`: the handshake; `tool_calls`, `resources`, `prompts` with
//! completions; `convert`; `progress`) serves a [`SharedSurface`](crate::ports::SharedSurface) the
//! same way whatever carries the messages; each transport is an entry point
//! beside it: `stdio` today, Streamable HTTP (`http`) later.

mod convert;
mod entry_point;
mod progress;
mod prompts;
mod resources;
mod server;
mod stdio;
mod tool_calls;

pub use stdio::McpStdio;

#[cfg(test)]
mod tests;
