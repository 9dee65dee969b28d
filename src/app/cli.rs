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

    /// Profile file to layer over the defaults: config/PROFILE.toml (BACKLOG_MCP_PROFILE).
    #[arg(long, value_name = "PROFILE")]
    pub profile: Option<String>,

    /// Default IANA timezone for times in answers (BACKLOG_TIMEZONE).
    #[arg(long, value_name = "ZONE")]
    pub timezone: Option<String>,

    /// List only read-only tools and refuse every other call (BACKLOG_READ_ONLY).
    #[arg(long)]
    pub read_only: bool,

    /// Toolsets to enable, comma-separated: space, project, issue, or all (ENABLE_TOOLSETS).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub enable_toolsets: Option<Vec<String>>,

    /// A prefix for every tool name, e.g. backlog_ (PREFIX).
    #[arg(long, value_name = "PREFIX")]
    pub prefix: Option<String>,

    /// Offer only these tools, comma-separated (BACKLOG_TOOLS).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub tools: Option<Vec<String>>,

    /// Never offer these tools, comma-separated; wins over --tools (BACKLOG_EXCLUDE_TOOLS).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub exclude_tools: Option<Vec<String>>,

    /// The most tokens one answer may take (BACKLOG_MAX_TOKENS, or MAX_TOKENS).
    #[arg(long, value_name = "N")]
    pub max_tokens: Option<u64>,

    /// Accepted so the official server's client configurations keep working:
    /// list tools here always take `fields`.
    #[arg(long)]
    pub optimize_response: bool,

    /// Accepted so the official server's client configurations keep working;
    /// stdio is the one transport so far.
    #[arg(long, value_name = "TRANSPORT", value_parser = ["stdio"])]
    pub transport: Option<String>,
}
