//! Command-line flags. They override every configuration layer.

use clap::Parser;

#[derive(Debug, Clone, Parser, Default)]
#[command(
    name = "backlog-mcp",
    version,
    about = "MCP server for Nulab Backlog: issues, projects and more for AI assistants.",
    long_about = "MCP server for Nulab Backlog, speaking MCP over stdio.\n\n\
        With no credentials it serves a demo space held in memory. To use your space, set \
        BACKLOG_API_KEY and BACKLOG_DOMAIN (e.g. your-space.backlog.com) or BACKLOG_BASE_URL \
        (a full URL, e.g. for on-premise Backlog).\n\n\
        Configuration layers, later ones winning: built-in defaults, \
        config/<BACKLOG_MCP_PROFILE>.toml, .env in the working directory, environment \
        variables, these flags."
)]
pub struct Cli {
    /// Which Backlog to use: "backlog" (a real space) or "memory" (the demo space).
    #[arg(long, value_name = "BACKEND")]
    pub backend: Option<String>,

    /// Profile file to layer over the defaults: config/<PROFILE>.toml (BACKLOG_MCP_PROFILE).
    #[arg(long, value_name = "PROFILE")]
    pub profile: Option<String>,

    /// Default IANA timezone for times in answers (BACKLOG_TIMEZONE).
    #[arg(long, value_name = "ZONE")]
    pub timezone: Option<String>,
}
