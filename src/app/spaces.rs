//! Which Backlog space a call is served from. A call that brings no
//! credentials (every call on stdio) uses the space the server was started
//! for; one that brings a space and an API key (Streamable HTTP, later) gets
//! an [`AppContext`] of its own for them, with its own metadata cache and
//! project allow-list guard, built by a factory only the composition root
//! provides and kept for the next call with the same credentials.
//!
//! The registry lives in the start-up space's context: the tools capture that
//! context when the catalog is built (once), and `tools::register` asks it for
//! the call's space, so tool constructors need not know about spaces.

use super::context::AppContext;
use super::tooling::ToolError;
use crate::domain::base_url::origin;
use crate::ports::{BacklogCredentials, Caller};
use secrecy::ExposeSecret;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// Builds the context of the space some credentials name; the error says why
/// not and never contains the key.
pub type SpaceFactory =
    Arc<dyn Fn(&BacklogCredentials) -> Result<AppContext, String> + Send + Sync>;

/// Spaces kept at most; the least recently used goes first. Each holds an
/// HTTP client and a metadata cache.
pub const MAX_SPACES: usize = 64;

/// The spaces reached through per-call credentials.
pub struct Spaces {
    factory: Option<SpaceFactory>,
    limit: usize,
    /// Most recently used last.
    built: Mutex<Vec<Built>>,
}

struct Built {
    credentials: BacklogCredentials,
    app: Arc<AppContext>,
}

impl Spaces {
    /// Only the start-up space: credentials a call brings are refused.
    pub fn none() -> Self {
        Self {
            factory: None,
            limit: 0,
            built: Mutex::new(Vec::new()),
        }
    }

    pub fn new(factory: SpaceFactory, limit: usize) -> Self {
        Self {
            factory: Some(factory),
            limit,
            built: Mutex::new(Vec::new()),
        }
    }

    /// The space of `caller`: `default` when it brings no credentials.
    pub fn for_caller(
        &self,
        default: &Arc<AppContext>,
        caller: &Caller,
    ) -> Result<Arc<AppContext>, ToolError> {
        match &caller.credentials {
            None => Ok(default.clone()),
            Some(credentials) => self.space(credentials),
        }
    }

    fn space(&self, credentials: &BacklogCredentials) -> Result<Arc<AppContext>, ToolError> {
        let Some(factory) = &self.factory else {
            return Err(ToolError::Refused(
                "this server serves only the Backlog space it was started for; it does not take a space or an API key with a call".to_owned(),
            ));
        };
        let mut built = self.built();
        if let Some(at) = built.iter().position(|b| same(&b.credentials, credentials)) {
            let hit = built.remove(at);
            let app = hit.app.clone();
            built.push(hit);
            return Ok(app);
        }
        let app = Arc::new(factory(credentials).map_err(|problem| {
            ToolError::Refused(format!(
                "cannot use the Backlog space at {}: {problem}",
                origin(&credentials.base_url)
            ))
        })?);
        if built.len() >= self.limit && !built.is_empty() {
            built.remove(0);
        }
        if self.limit > 0 {
            built.push(Built {
                credentials: credentials.clone(),
                app: app.clone(),
            });
        }
        Ok(app)
    }

    fn built(&self) -> MutexGuard<'_, Vec<Built>> {
        // Every operation leaves the list whole, so a panic elsewhere while
        // it was locked leaves nothing half-done.
        self.built.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Same space and same key. The keys are compared in constant time, so how
/// long a lookup takes says nothing about another caller's key.
fn same(a: &BacklogCredentials, b: &BacklogCredentials) -> bool {
    let (x, y) = (
        a.api_key.expose_secret().as_bytes(),
        b.api_key.expose_secret().as_bytes(),
    );
    let keys_differ =
        x.len() != y.len() || x.iter().zip(y).fold(0u8, |acc, (p, q)| acc | (p ^ q)) != 0;
    a.base_url == b.base_url && !keys_differ
}

#[cfg(test)]
mod tests;
