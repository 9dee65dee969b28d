//! Validated configuration: what the server runs with, or every problem at once.

use super::cli::Cli;
use super::issue_scan::ScanLimits;
use super::scope::AllowedProject;
use super::settings::Settings;
use super::tool_selection::ToolSelection;
use super::tooling::MIN_MAX_TOKENS;
use crate::domain::base_url::forbidden_part;
use crate::domain::ids::UserId;
use crate::domain::zone::DisplayZone;
use secrecy::SecretString;
use std::collections::BTreeSet;
use std::time::Duration;
use url::Url;

/// Which Backlog the tools talk to.
#[derive(Debug)]
pub enum BackendChoice {
    /// The in-memory demo space.
    Demo { explicit: bool },
    /// A real space over HTTP.
    Space {
        base_url: Url,
        api_key: SecretString,
    },
}

#[derive(Debug)]
pub struct RuntimeConfig {
    pub backend: BackendChoice,
    pub default_zone: DisplayZone,
    pub configured_user: Option<UserId>,
    pub http: HttpTuning,
    pub scan: ScanLimits,
    pub selection: ToolSelection,
    /// Empty: every project.
    pub allowed_projects: Vec<AllowedProject>,
    /// The most tokens one answer may take.
    pub max_tokens: u64,
    pub metadata_ttl: Duration,
}

/// The answer budget when neither BACKLOG_MAX_TOKENS nor MAX_TOKENS is set.
pub const DEFAULT_MAX_TOKENS: u64 = 20_000;

/// How patient the HTTP client is.
#[derive(Debug, Clone, Copy)]
pub struct HttpTuning {
    pub connect_timeout: Duration,
    pub request_timeout: Duration,
    /// Attempts in all, the first included.
    pub retry_attempts: u32,
    pub retry_base_delay: Duration,
    pub retry_max_delay: Duration,
    pub rate_limit_max_wait: Duration,
}

impl RuntimeConfig {
    /// Validates the settings (with the flags applied). The error lists every
    /// problem, each naming the variable to fix.
    pub fn from_settings(mut settings: Settings, cli: &Cli) -> Result<Self, Vec<String>> {
        if let Some(backend) = &cli.backend {
            settings.backlog_backend = backend.clone();
        }
        if let Some(zone) = &cli.timezone {
            settings.backlog_timezone = zone.clone();
        }
        let mut problems = Vec::new();
        let default_zone = DisplayZone::parse(&settings.backlog_timezone)
            .map_err(|e| problems.push(format!("BACKLOG_TIMEZONE: {e}")))
            .unwrap_or_default();
        let configured_user = parse_user_id(&settings.user_id)
            .map_err(|e| problems.push(e))
            .unwrap_or_default();
        let backend = choose_backend(&settings).map_err(|mut e| problems.append(&mut e));
        let selection = tool_selection(&settings, cli)
            .map_err(|e| problems.push(e))
            .ok();
        let allowed_projects = AllowedProject::parse_list(&settings.backlog_allowed_projects)
            .map_err(|e| problems.push(e))
            .unwrap_or_default();
        let max_tokens = cli
            .max_tokens
            .or(settings.backlog_max_tokens)
            .or(settings.max_tokens)
            .unwrap_or(DEFAULT_MAX_TOKENS);
        if max_tokens < MIN_MAX_TOKENS {
            problems.push(format!(
                "BACKLOG_MAX_TOKENS must be at least {MIN_MAX_TOKENS} (got {max_tokens}): the smallest useful answers need that much (every outcome of a bulk_update_issues on 100 issues)"
            ));
        }
        if settings.backlog_retry_attempts == 0 {
            problems
                .push("BACKLOG_RETRY_ATTEMPTS must be at least 1 (1 means no retries)".to_owned());
        }
        if settings.backlog_page_concurrency == 0 {
            problems.push("BACKLOG_PAGE_CONCURRENCY must be at least 1".to_owned());
        }
        match (backend, selection) {
            (Ok(backend), Some(selection)) if problems.is_empty() => Ok(Self {
                backend,
                default_zone,
                configured_user,
                http: HttpTuning {
                    connect_timeout: Duration::from_millis(settings.backlog_connect_timeout_ms),
                    request_timeout: Duration::from_millis(settings.backlog_request_timeout_ms),
                    retry_attempts: settings.backlog_retry_attempts,
                    retry_base_delay: Duration::from_millis(settings.backlog_retry_base_ms),
                    retry_max_delay: Duration::from_millis(settings.backlog_retry_max_ms),
                    rate_limit_max_wait: Duration::from_secs(
                        settings.backlog_rate_limit_max_wait_secs,
                    ),
                },
                scan: ScanLimits {
                    concurrency: settings.backlog_page_concurrency,
                    ceiling: settings.backlog_scan_ceiling,
                },
                selection,
                allowed_projects,
                max_tokens,
                metadata_ttl: Duration::from_secs(settings.backlog_metadata_ttl_secs),
            }),
            _ => Err(problems),
        }
    }
}

/// Comma-separated names, trimmed, empty ones dropped.
fn list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Flags win over settings.
fn tool_selection(settings: &Settings, cli: &Cli) -> Result<ToolSelection, String> {
    let toolsets = match &cli.enable_toolsets {
        Some(items) => items.clone(),
        None => list(&settings.enable_toolsets),
    };
    let only = match &cli.tools {
        Some(items) => items.clone(),
        None => list(&settings.backlog_tools),
    };
    let exclude = match &cli.exclude_tools {
        Some(items) => items.clone(),
        None => list(&settings.backlog_exclude_tools),
    };
    Ok(ToolSelection {
        read_only: cli.read_only || settings.backlog_read_only,
        toolsets: if toolsets.is_empty() {
            None
        } else {
            ToolSelection::parse_toolsets(&toolsets)?
        },
        prefix: cli
            .prefix
            .clone()
            .unwrap_or_else(|| settings.prefix.trim().to_owned()),
        only: (!only.is_empty()).then(|| only.into_iter().collect::<BTreeSet<_>>()),
        exclude: exclude.into_iter().collect(),
    })
}

fn parse_user_id(text: &str) -> Result<Option<UserId>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<i64>()
        .ok()
        .and_then(|id| UserId::new(id).ok())
        .map(Some)
        .ok_or_else(|| {
            format!(
                "USER_ID must be a numeric Backlog user id (got \"{text}\"); leave it unset to use the API key's owner"
            )
        })
}

fn choose_backend(settings: &Settings) -> Result<BackendChoice, Vec<String>> {
    let has_key = settings.backlog_api_key.is_some();
    let has_space =
        !settings.backlog_domain.trim().is_empty() || !settings.backlog_base_url.trim().is_empty();
    match settings
        .backlog_backend
        .trim()
        .to_ascii_lowercase()
        .as_str()
    {
        "memory" | "demo" => Ok(BackendChoice::Demo { explicit: true }),
        "" if !has_key && !has_space => Ok(BackendChoice::Demo { explicit: false }),
        "" | "backlog" => {
            let mut problems = Vec::new();
            let api_key = settings.backlog_api_key.clone();
            if api_key.is_none() {
                problems.push(
                    "BACKLOG_API_KEY is not set: create one in Backlog under Personal Settings → API"
                        .to_owned(),
                );
            }
            let base_url = match space_url(settings) {
                Ok(url) => Some(url),
                Err(problem) => {
                    problems.push(problem);
                    None
                }
            };
            match (api_key, base_url) {
                (Some(api_key), Some(base_url)) => Ok(BackendChoice::Space { base_url, api_key }),
                _ => Err(problems),
            }
        }
        other => Err(vec![format!(
            "BACKLOG_BACKEND must be \"backlog\" or \"memory\" (got \"{other}\")"
        )]),
    }
}

/// The space's base URL: `BACKLOG_BASE_URL` when set, else `https://{BACKLOG_DOMAIN}`.
/// It must be a plain http(s) address: credentials, a query string or a fragment
/// would travel with every request, so they are refused. Problems never repeat the
/// value beyond its scheme and host, since it may hold a password.
fn space_url(settings: &Settings) -> Result<Url, String> {
    let base = settings.backlog_base_url.trim();
    let domain = settings.backlog_domain.trim();
    let (variable, text) = if !base.is_empty() {
        ("BACKLOG_BASE_URL", base.to_owned())
    } else if !domain.is_empty() {
        if domain.contains("://") {
            ("BACKLOG_DOMAIN", domain.to_owned())
        } else {
            (
                "BACKLOG_DOMAIN",
                format!("https://{}", domain.trim_end_matches('/')),
            )
        }
    } else {
        return Err(
            "BACKLOG_DOMAIN (e.g. your-space.backlog.com) or BACKLOG_BASE_URL (e.g. https://your-space.backlog.jp) is not set"
                .to_owned(),
        );
    };
    let trimmed = text.trim_end_matches('/');
    let trimmed = trimmed.strip_suffix("/api/v2").unwrap_or(trimmed);
    let url = Url::parse(trimmed).map_err(|e| {
        format!(
            "{variable} is not a valid address ({e}); give it like https://your-space.backlog.com"
        )
    })?;
    let shown = match url.host_str() {
        Some(host) => format!("{}://{host}", url.scheme()),
        None => format!("a {}: address", url.scheme()),
    };
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(format!(
            "{variable} must be an http:// or https:// address with a host (got {shown})"
        ));
    }
    if let Some(extra) = forbidden_part(&url) {
        return Err(format!(
            "{variable} must not contain {extra} (in the address for {shown}): give only the space's address, like https://your-space.backlog.com; the API key goes in BACKLOG_API_KEY"
        ));
    }
    Ok(url)
}

#[cfg(test)]
#[path = "runtime_config_tests.rs"]
mod tests;
