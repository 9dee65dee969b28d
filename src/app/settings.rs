//! Configuration: the compiled-in `config/default.toml`, then an optional
//! `config/{BACKLOG_MCP_PROFILE}.toml`, then `.env` in the working directory,
//! then the environment. Keys are environment variable names in lower case.

use config::{Config, Environment, File, FileFormat};
use secrecy::SecretString;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const DEFAULTS: &str = include_str!("../../config/default.toml");

/// Everything read from the configuration layers, not yet validated.
#[derive(Debug, Deserialize)]
pub struct Settings {
    #[serde(default)]
    pub backlog_api_key: Option<SecretString>,
    #[serde(default)]
    pub backlog_domain: String,
    #[serde(default)]
    pub backlog_base_url: String,
    #[serde(default)]
    pub backlog_backend: String,
    #[serde(default)]
    pub user_id: String,
    pub backlog_timezone: String,
    pub backlog_connect_timeout_ms: u64,
    pub backlog_request_timeout_ms: u64,
    pub backlog_page_concurrency: usize,
    pub backlog_scan_ceiling: u64,
    pub backlog_retry_attempts: u32,
    pub backlog_retry_base_ms: u64,
    pub backlog_retry_max_ms: u64,
    pub backlog_rate_limit_max_wait_secs: u64,
    pub backlog_read_only: bool,
    #[serde(default)]
    pub backlog_allowed_projects: String,
    #[serde(default)]
    pub enable_toolsets: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub backlog_tools: String,
    #[serde(default)]
    pub backlog_exclude_tools: String,
    #[serde(default)]
    pub backlog_max_tokens: Option<u64>,
    /// The official server's name for the budget; `BACKLOG_MAX_TOKENS` wins when both are set.
    #[serde(default)]
    pub max_tokens: Option<u64>,
    pub backlog_metadata_ttl_secs: u64,
}

/// Where the layers come from: the process (or a test's stand-in).
#[derive(Debug, Clone)]
pub struct SettingsSources {
    pub environment: HashMap<String, String>,
    pub working_dir: PathBuf,
    pub profile: Option<String>,
}

impl SettingsSources {
    pub fn from_process() -> Self {
        let environment: HashMap<String, String> = std::env::vars().collect();
        let profile = environment
            .get("BACKLOG_MCP_PROFILE")
            .filter(|p| !p.trim().is_empty())
            .cloned();
        Self {
            environment,
            working_dir: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
            profile,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("could not read {path}: {reason}")]
    DotEnv { path: String, reason: String },
    #[error("invalid configuration: {0}")]
    Invalid(String),
}

impl Settings {
    pub fn load(sources: &SettingsSources) -> Result<Self, SettingsError> {
        let mut builder = Config::builder().add_source(File::from_str(DEFAULTS, FileFormat::Toml));
        if let Some(profile) = &sources.profile {
            let path = sources.working_dir.join("config").join(profile);
            builder = builder.add_source(File::from(path).format(FileFormat::Toml).required(false));
        }
        let dotenv = read_dotenv(&sources.working_dir.join(".env"))?;
        builder = builder
            .add_source(Environment::default().source(Some(dotenv)))
            .add_source(
                Environment::default().source(Some(without_empty(sources.environment.clone()))),
            );
        builder
            .build()
            .and_then(Config::try_deserialize)
            .map_err(|e| SettingsError::Invalid(e.to_string()))
    }
}

/// The `.env` file's variables, or none when there is no file.
fn read_dotenv(path: &Path) -> Result<HashMap<String, String>, SettingsError> {
    if !path.exists() {
        return Ok(HashMap::new());
    }
    let fail = |reason: String| SettingsError::DotEnv {
        path: path.display().to_string(),
        reason,
    };
    let entries = dotenvy::from_path_iter(path).map_err(|e| fail(e.to_string()))?;
    let mut variables = HashMap::new();
    for entry in entries {
        let (key, value) = entry.map_err(|e| fail(e.to_string()))?;
        variables.insert(key, value);
    }
    Ok(without_empty(variables))
}

/// An empty variable (`BACKLOG_DOMAIN=`) means "not set", not "set to nothing".
fn without_empty(mut variables: HashMap<String, String>) -> HashMap<String, String> {
    variables.retain(|_, value| !value.trim().is_empty());
    variables
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    fn sources(dir: &Path, env: &[(&str, &str)], profile: Option<&str>) -> SettingsSources {
        SettingsSources {
            environment: env
                .iter()
                .map(|(k, v)| ((*k).into(), (*v).into()))
                .collect(),
            working_dir: dir.to_path_buf(),
            profile: profile.map(str::to_owned),
        }
    }

    #[test]
    fn defaults_come_from_the_embedded_file() {
        let dir = tempfile::tempdir().unwrap();
        let settings = Settings::load(&sources(dir.path(), &[], None)).unwrap();
        assert_eq!(settings.backlog_timezone, "UTC");
        assert_eq!(settings.backlog_page_concurrency, 4);
        assert!(settings.backlog_api_key.is_none());
    }

    #[test]
    fn profile_then_dotenv_then_environment_override_in_order() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("config")).unwrap();
        std::fs::write(
            dir.path().join("config/staging.toml"),
            "backlog_timezone = \"Asia/Tokyo\"\nbacklog_domain = \"staging.backlog.com\"\nbacklog_page_concurrency = 2\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join(".env"),
            "BACKLOG_DOMAIN=dotenv.backlog.com\nBACKLOG_API_KEY=from-dotenv\nBACKLOG_PAGE_CONCURRENCY=6\n",
        )
        .unwrap();
        let env = [("BACKLOG_PAGE_CONCURRENCY", "8"), ("BACKLOG_TIMEZONE", "")];
        let settings = Settings::load(&sources(dir.path(), &env, Some("staging"))).unwrap();
        assert_eq!(
            settings.backlog_timezone, "Asia/Tokyo",
            "empty env value is unset"
        );
        assert_eq!(settings.backlog_domain, "dotenv.backlog.com");
        assert_eq!(settings.backlog_page_concurrency, 8);
        assert_eq!(
            settings.backlog_api_key.unwrap().expose_secret(),
            "from-dotenv"
        );
    }

    #[test]
    fn a_malformed_number_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let env = [("BACKLOG_PAGE_CONCURRENCY", "many")];
        let error = Settings::load(&sources(dir.path(), &env, None)).unwrap_err();
        assert!(
            error.to_string().contains("backlog_page_concurrency"),
            "{error}"
        );
    }
}
