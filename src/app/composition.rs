//! The composition root: reads the configuration, picks the adapters, builds
//! the tool catalog and serves it. The only place that knows every adapter.

use super::backlog::Backlog;
use super::cli::Cli;
use super::context::{AppContext, AppSettings};
use super::runtime_config::HttpTuning;
use super::runtime_config::{BackendChoice, RuntimeConfig};
use super::scope;
use super::settings::{Settings, SettingsSources};
use super::spaces::{MAX_SPACES, SpaceFactory, Spaces};
use super::surface;
use super::tooling::ToolKit;
use super::tools;
use crate::adapters::backlog_http::{HttpBacklog, HttpBacklogConfig, RetryPolicy};
use crate::adapters::mcp::McpStdio;
use crate::adapters::memory::MemoryBacklog;
use crate::ports::{BacklogCredentials, ClientTransport, ServiceDescription, SharedSurface};
use futures::FutureExt;
use secrecy::SecretString;
use std::process::ExitCode;
use std::sync::Arc;
use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

/// Where demo issues link to; `.example` never resolves to a real space.
const DEMO_WEB_BASE_URL: &str = "https://demo-space.backlog.example";

const INSTRUCTIONS: &str = "Tools for Nulab Backlog, a project and issue tracker. Issues are \
named by keys such as WEB-42 (project key, dash, number). Wherever an id is asked, the \
name works too: project keys, status names (\"In Progress\", \"処理中\"), issue types, \
categories, milestones, priorities, resolutions, users by name or login id, and \"me\". \
get_project_metadata shows a project's statuses, types, categories, milestones, custom \
fields and members in one call. Dates are YYYY-MM-DD; times are given in the requested \
IANA timezone. Long lists are cut to a token budget and say how to continue. Errors say \
what was wrong and how to fix the call.";

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
            tracing::warn!("BACKLOG_ALLOWED_PROJECTS could not be checked: {error}");
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

fn build_backlog(config: &RuntimeConfig) -> Result<(Backlog, String), String> {
    match &config.backend {
        BackendChoice::Demo { explicit } => {
            if *explicit {
                tracing::info!("serving the in-memory demo space (BACKLOG_BACKEND=memory)");
            } else {
                tracing::info!(
                    "demo mode: no BACKLOG_API_KEY / BACKLOG_DOMAIN set, serving an in-memory \
                     demo space; set them to use your own Backlog space"
                );
            }
            let memory = Arc::new(MemoryBacklog::demo());
            Ok((Backlog::from_adapter(memory), DEMO_WEB_BASE_URL.to_owned()))
        }
        BackendChoice::Space { base_url, api_key } => {
            let http = http_backlog(&config.http, base_url, api_key)?;
            tracing::info!(host = http.host(), "serving the Backlog space");
            Ok((Backlog::from_adapter(Arc::new(http)), web_base(base_url)))
        }
    }
}

fn http_backlog(
    tuning: &HttpTuning,
    base_url: &url::Url,
    api_key: &SecretString,
) -> Result<HttpBacklog, String> {
    HttpBacklog::new(HttpBacklogConfig {
        base_url: base_url.clone(),
        api_key: api_key.clone(),
        connect_timeout: tuning.connect_timeout,
        request_timeout: tuning.request_timeout,
        retry: RetryPolicy {
            max_attempts: tuning.retry_attempts,
            base_delay: tuning.retry_base_delay,
            max_delay: tuning.retry_max_delay,
            max_rate_limit_wait: tuning.rate_limit_max_wait,
        },
    })
    .map_err(|e| e.to_string())
}

/// Issue links are `{web_base}/view/KEY`.
fn web_base(base_url: &url::Url) -> String {
    base_url.as_str().trim_end_matches('/').to_owned()
}

/// How a call's own credentials become a space: over HTTP like the start-up
/// space, behind the same project allow-list, with its own metadata cache.
/// `USER_ID` belongs to the start-up key, so it does not carry over. The demo
/// server serves its demo space only.
fn space_factory(config: &RuntimeConfig) -> Option<SpaceFactory> {
    if !matches!(config.backend, BackendChoice::Space { .. }) {
        return None;
    }
    let tuning = config.http;
    let allowed = config.allowed_projects.clone();
    let (default_zone, scan, metadata_ttl) =
        (config.default_zone, config.scan, config.metadata_ttl);
    Some(Arc::new(move |credentials: &BacklogCredentials| {
        let http = http_backlog(&tuning, &credentials.base_url, &credentials.api_key)?;
        let (backlog, _) = scope::limit_to(Backlog::from_adapter(Arc::new(http)), &allowed);
        Ok(AppContext::new(
            backlog,
            AppSettings {
                web_base_url: web_base(&credentials.base_url),
                default_zone,
                configured_user: None,
                scan,
                metadata_ttl,
            },
        ))
    }))
}

fn service_description() -> ServiceDescription {
    ServiceDescription {
        name: env!("CARGO_PKG_NAME").to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        instructions: INSTRUCTIONS.to_owned(),
    }
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
