//! The composition root: reads the configuration, picks the adapters, builds
//! the tool catalog and serves it. The only place that knows every adapter.

mod backends;

use super::cli::Cli;
use super::context::{AppContext, AppSettings};
use super::runtime_config::{BackendChoice, RuntimeConfig};
use super::scope;
use super::settings::{Settings, SettingsSources};
use super::spaces::{MAX_SPACES, Spaces};
use super::surface;
use super::tooling::{self, ToolKit};
use super::tools;
use crate::adapters::mcp::McpStdio;
use crate::ports::{ClientTransport, ServiceDescription, SharedSurface};
use backends::{build_backlog, space_factory};
use futures::FutureExt;
use std::process::ExitCode;
use std::sync::Arc;
use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

/// The server's instructions: these around every toolset's own.
const ABOUT: &str = "Tools for Nulab Backlog, a project and issue tracker. Wherever an id \
is asked, the name works too: project keys, status names (\"In Progress\", \"処理中\"), \
issue types, categories, milestones, priorities, resolutions, users by name or login id, \
and \"me\".";
const CONVENTIONS: &str = "Dates are YYYY-MM-DD; times are given in the requested IANA \
timezone. Long lists are cut to a token budget and say how to continue. Errors say what \
was wrong and how to fix the call.";

/// Runs the server until the client disconnects.
pub async fn run(cli: Cli) -> ExitCode {
    init_logging();
    let mut sources = SettingsSources::from_process();
    if cli.profile.is_some() {
        sources.profile.clone_from(&cli.profile);
    }
    let config = match Settings::load(&sources)
        .map_err(|e| vec![e.to_string()])
        .and_then(|settings| RuntimeConfig::from_settings(settings, &cli))
    {
        Ok(config) => config,
        Err(problems) => {
            tracing::error!("cannot start: {}", problems.join("; "));
            return ExitCode::from(2);
        }
    };
    let (backlog, web_base_url) = match build_backlog(&config) {
        Ok(built) => built,
        Err(problem) => {
            tracing::error!("cannot start: {problem}");
            return ExitCode::from(2);
        }
    };
    let (backlog, scoped) = scope::limit_to(backlog, &config.allowed_projects);
    if let Some(scoped) = scoped
        && matches!(config.backend, BackendChoice::Demo { .. })
    {
        // The demo space is at hand: report allow-list entries that match
        // nothing now. A real space is asked on the first call instead, so
        // start-up sends no request.
        if let Err(error) = scoped.pinned().await {
            tracing::warn!(
                "BACKLOG_ALLOWED_PROJECTS could not be checked: {}",
                tooling::worded(&error)
            );
        }
    }
    let mut app = AppContext::new(
        backlog,
        AppSettings {
            web_base_url,
            default_zone: config.default_zone,
            configured_user: config.configured_user,
            scan: config.scan,
            metadata_ttl: config.metadata_ttl,
        },
    );
    if let Some(factory) = space_factory(&config) {
        app = app.serving(Spaces::new(factory, MAX_SPACES));
    }
    let app = Arc::new(app);
    let kit = ToolKit {
        max_tokens: config.max_tokens,
    };
    if config.selection.read_only {
        tracing::info!("read-only: only tools that change nothing are offered");
    }
    // The catalog (every tool's schemas, a few milliseconds) is built once,
    // beside the MCP handshake, which does not need it; a request for the
    // tools waits. The handshake declares resources and prompts when there
    // are some.
    let selection = config.selection.clone();
    let resources = surface::all_resources(&app);
    let prompts = surface::all_prompts(&app);
    let offers = surface::offers(&resources, &prompts);
    let built = tokio::task::spawn(async move {
        let started = std::time::Instant::now();
        let catalog = surface::build(&selection, tools::all_tools(&app, kit), resources, prompts);
        tracing::debug!(
            elapsed_us = started.elapsed().as_micros(),
            "tool catalog built"
        );
        catalog
    })
    .map(|joined| match joined {
        Ok(Ok(catalog)) => Ok(Arc::new(catalog)),
        Ok(Err(problem)) => Err(problem),
        Err(panicked) => Err(format!("building the tools failed: {panicked}")),
    })
    .boxed()
    .shared();
    let catalog = SharedSurface::pending(offers, built.clone().map(Result::ok));
    let refused = async {
        match built.clone().await {
            Err(problem) => problem,
            Ok(_) => std::future::pending().await,
        }
    };
    tokio::select! {
        served = McpStdio.serve(service_description(), catalog) => {
            // A client that left before the catalog was built still learns,
            // by the exit code, that the configuration is invalid.
            if let Err(problem) = built.await {
                tracing::error!("cannot start: {problem}");
                return ExitCode::from(2);
            }
            match served {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    tracing::error!("{error}");
                    ExitCode::FAILURE
                }
            }
        }
        problem = refused => {
            tracing::error!("cannot start: {problem}");
            ExitCode::from(2)
        }
    }
}

fn service_description() -> ServiceDescription {
    ServiceDescription {
        name: env!("CARGO_PKG_NAME").to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        instructions: instructions(),
    }
}

/// What models are told about the whole server, every toolset in catalog order.
fn instructions() -> String {
    let toolsets = tools::toolsets().map(|toolset| toolset.instructions);
    std::iter::once(ABOUT)
        .chain(toolsets)
        .chain([CONVENTIONS])
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Logs go to stderr only: stdout is the JSON-RPC channel. `RUST_LOG` tunes
/// them with the usual `level,target=level` syntax.
fn init_logging() {
    let filter = std::env::var("RUST_LOG")
        .ok()
        .and_then(|spec| spec.parse::<Targets>().ok())
        .unwrap_or_else(|| {
            Targets::new()
                .with_default(tracing::Level::INFO)
                .with_target("rmcp", tracing::Level::WARN)
        });
    tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(std::io::stderr)
                .with_ansi(false)
                .with_target(false),
        )
        .with(filter)
        .init();
}
