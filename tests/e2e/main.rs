//! End to end: the built `backlog-mcp` binary, spawned and driven over stdio by
//! a real MCP client (rmcp), in demo mode and against Backlog-shaped servers.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

mod argument_sweep;
mod back_pressure;
mod backlog_failures;
mod cli;
mod demo_tools;
mod faults;
mod handshake;
mod honest_errors;
mod output_schemas;
mod over_http;
mod rate_limits;
mod raw_stdio;
mod redirects;
mod request_counts;
mod safety;
mod scope_sweep;
mod token_budget;
mod toolsets;
