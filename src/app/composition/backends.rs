//! The Backlog a server talks to: the start-up space (demo or HTTP) and how
//! a call's own credentials become a space of their own.

use crate::adapters::backlog_http::{HttpBacklog, HttpBacklogConfig, HttpSetupError, RetryPolicy};
use crate::adapters::memory::MemoryBacklog;
use crate::app::backlog::Backlog;
use crate::app::context::{AppContext, AppSettings};
use crate::app::runtime_config::{BackendChoice, HttpTuning, RuntimeConfig};
use crate::app::scope;
use crate::app::spaces::SpaceFactory;
use crate::ports::BacklogCredentials;
use secrecy::SecretString;
use std::sync::Arc;

/// Where demo issues link to; `.example` never resolves to a real space.
const DEMO_WEB_BASE_URL: &str = "https://demo-space.backlog.example";

pub fn build_backlog(config: &RuntimeConfig) -> Result<(Backlog, String), String> {
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
    .map_err(|error| match error {
        HttpSetupError::UnsendableKey => {
            format!("{error}; copy the key again from Personal Settings → API")
        }
        other => other.to_string(),
    })
}

/// Issue links are `{web_base}/view/KEY`.
fn web_base(base_url: &url::Url) -> String {
    base_url.as_str().trim_end_matches('/').to_owned()
}

/// How a call's own credentials become a space: over HTTP like the start-up
/// space, behind the same project allow-list, with its own metadata cache.
/// `USER_ID` belongs to the start-up key, so it does not carry over. The demo
/// server serves its demo space only.
pub fn space_factory(config: &RuntimeConfig) -> Option<SpaceFactory> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::cli::Cli;
    use crate::app::test_support::settings_from_env;
    use url::Url;

    const KEY: &str = "the-start-up-key-0123456789";
    const CALL_KEY: &str = "a-calls-own-key-9876543210";

    fn config(env: &[(&str, &str)]) -> RuntimeConfig {
        RuntimeConfig::from_settings(settings_from_env(env), &Cli::default()).unwrap()
    }

    fn credentials(base: &str) -> BacklogCredentials {
        BacklogCredentials {
            base_url: Url::parse(base).unwrap(),
            api_key: CALL_KEY.into(),
        }
    }

    #[test]
    fn the_demo_server_serves_no_other_space() {
        assert!(space_factory(&config(&[])).is_none());
    }

    #[test]
    fn a_calls_credentials_make_a_space_of_their_own() {
        let config = config(&[
            ("BACKLOG_API_KEY", KEY),
            ("BACKLOG_DOMAIN", "start.backlog.com"),
            ("USER_ID", "7"),
        ]);
        let factory = space_factory(&config).unwrap();
        let space = factory(&credentials("https://other.backlog.jp/")).unwrap();
        assert_eq!(space.web_base_url, "https://other.backlog.jp");
        assert_eq!(space.configured_user, None, "USER_ID is the start-up key's");
        let refused = factory(&credentials("https://user:pw@other.backlog.jp/"))
            .err()
            .unwrap();
        assert!(
            !refused.contains(CALL_KEY) && !refused.contains(KEY),
            "{refused}"
        );
    }

    #[test]
    fn a_key_that_cannot_be_sent_says_where_to_copy_it_again() {
        let problem = http_backlog(
            &config(&[]).http,
            &Url::parse("https://acme.backlog.com").unwrap(),
            &"line\nbreak".into(),
        )
        .err()
        .unwrap();
        assert_eq!(
            problem,
            "BACKLOG_API_KEY contains characters that cannot be sent in an HTTP header (a line break or a control character); copy the key again from Personal Settings → API"
        );
    }
}
