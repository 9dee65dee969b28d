//! What setting up the client checks and may show: the errors (a message shows
//! a base URL only as `domain::base_url::origin`), whether a proxy is configured.

/// Why the client cannot be set up. No message repeats the base URL beyond its
/// scheme and host: it may hold credentials.
#[derive(Debug, thiserror::Error)]
pub enum HttpSetupError {
    #[error("the Backlog base URL must be an http:// or https:// address with a host (got {0})")]
    UnsupportedUrl(String),
    #[error(
        "the Backlog base URL must not contain {0}: the API key goes in BACKLOG_API_KEY, and only there"
    )]
    ExtraInUrl(&'static str),
    #[error(
        "BACKLOG_API_KEY contains characters that cannot be sent in an HTTP header (a line break or a control character)"
    )]
    UnsendableKey,
}

/// Whether a proxy is set in the environment (reqwest uses it; an https proxy
/// needs the system's certificates even for a plain-http space).
pub(super) fn proxy_configured() -> bool {
    ["HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY"]
        .iter()
        .any(|name| {
            [name.to_string(), name.to_lowercase()]
                .iter()
                .any(|n| std::env::var_os(n).is_some())
        })
}
