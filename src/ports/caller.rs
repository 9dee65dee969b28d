//! Who a request comes from, as far as its transport knows. On stdio the
//! process's configuration says which Backlog space to use, so a caller
//! brings nothing; over Streamable HTTP each request may bring its own space
//! and API key, and the application serves it from that space.

use crate::domain::base_url::origin;
use secrecy::SecretString;
use std::fmt;
use url::Url;

/// A Backlog space and the API key to reach it with, as one request brought
/// them. The key is a [`SecretString`]: it is never printed, logged or put in
/// an error (`Debug` shows only the space's origin: a base URL may carry more).
#[derive(Clone)]
pub struct BacklogCredentials {
    /// The space's address, e.g. `https://example.backlog.com`.
    pub base_url: Url,
    pub api_key: SecretString,
}

impl fmt::Debug for BacklogCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BacklogCredentials")
            .field("base_url", &origin(&self.base_url))
            .field("api_key", &"[redacted]")
            .finish()
    }
}

/// What a transport knows about the caller of one request.
#[derive(Clone, Debug, Default)]
pub struct Caller {
    /// `None`: the space this server was started for.
    pub credentials: Option<BacklogCredentials>,
}
