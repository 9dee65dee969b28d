//! A Backlog-shaped HTTP server (REST API v2) on 127.0.0.1, for integration tests and
//! benchmarks, with fault injection.
//!
//! It is a thin façade: Backlog's behaviour lives in one model, the memory adapter
//! (`backlog_mcp::adapters::memory`, the one demo mode serves), and `facade` serves
//! it over Backlog's REST API v2 with its own JSON writer (written from Backlog's
//! API reference), so tests that point the HTTP client at it check the wire format
//! from both sides. What only a server has is here: API-key auth, rate limits,
//! scripted faults, latency, TLS and a log of every request with its decoded form.
//!
//! ```no_run
//! # async fn demo() {
//! use fake_backlog::{FakeBacklog, Fault, Model, ScriptedFault};
//! let server = FakeBacklog::start(Model::demo()).await;
//! let url = format!("{}/api/v2/issues?count=5", server.base_url());
//! // ... call it with `Backlog-API-Key: server.api_key()` ...
//! server
//!     .faults()
//!     .script(ScriptedFault::new("GET", "/api/v2/issues", Fault::html(502, "<html>Bad Gateway</html>")));
//! # }
//! ```

mod custom_fields;
mod errors;
mod facade;
mod faults;
mod model;
mod new_issue;
mod params;
mod pipeline;
mod rate_limit;
mod recording;
mod server;
#[cfg(feature = "tls")]
mod tls;

pub use faults::{Fault, FaultHandle, ScriptedFault};
pub use model::{DEFAULT_API_KEY, Model, seed};
pub use new_issue::NewIssue;
pub use rate_limit::Bucket;
pub use recording::RecordedRequest;

use backlog_mcp::adapters::memory::MemoryBacklog;
use server::{PlainAcceptor, Shared};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

/// A running fake Backlog. It serves from a task on the current tokio runtime and
/// stops (closing every connection) when dropped.
pub struct FakeBacklog {
    /// What the connections share, the memory model the façade serves among it.
    shared: Arc<Shared>,
    addr: SocketAddr,
    scheme: &'static str,
    task: JoinHandle<()>,
}

impl std::fmt::Debug for FakeBacklog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeBacklog")
            .field("base_url", &self.base_url())
            .finish_non_exhaustive()
    }
}

impl FakeBacklog {
    /// Binds `127.0.0.1:0` and serves `space` through the façade.
    ///
    /// # Panics
    /// When no loopback port can be bound, or outside a tokio runtime.
    pub async fn start(space: Model) -> FakeBacklog {
        FakeBacklog::start_on_port(space, 0)
            .await
            .expect("bind 127.0.0.1:0")
    }

    /// Binds `127.0.0.1:port` (0 = any free port) and serves `space` over plain HTTP.
    pub async fn start_on_port(space: Model, port: u16) -> std::io::Result<FakeBacklog> {
        let listener = TcpListener::bind(("127.0.0.1", port)).await?;
        Ok(FakeBacklog::serve(listener, space, "http", PlainAcceptor))
    }

    /// Binds `127.0.0.1:port` and serves `space` over HTTPS with a fresh self-signed
    /// CA; the CA certificate is written to `cert_dir/cert.pem` (for
    /// `NODE_EXTRA_CA_CERTS` or a client's root store).
    #[cfg(feature = "tls")]
    pub async fn start_tls(
        space: Model,
        port: u16,
        cert_dir: &std::path::Path,
    ) -> std::io::Result<FakeBacklog> {
        let acceptor = tls::TlsAcceptor::generate(cert_dir)?;
        let listener = TcpListener::bind(("127.0.0.1", port)).await?;
        Ok(FakeBacklog::serve(listener, space, "https", acceptor))
    }

    fn serve<A: server::Acceptor>(
        listener: TcpListener,
        served: Model,
        scheme: &'static str,
        acceptor: A,
    ) -> FakeBacklog {
        let addr = listener
            .local_addr()
            .unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)));
        let base_url = format!("{scheme}://{addr}");
        let model = Arc::new(MemoryBacklog::with_space(served.space));
        let router = facade::router(model.clone(), base_url);
        let shared = Arc::new(Shared::new(served.api_key, model));
        let task = tokio::spawn(server::accept_loop(
            listener,
            acceptor,
            shared.clone(),
            router,
        ));
        FakeBacklog {
            shared,
            addr,
            scheme,
            task,
        }
    }

    /// `http://127.0.0.1:PORT` (no trailing slash, no `/api/v2`).
    pub fn base_url(&self) -> String {
        format!("{}://{}", self.scheme, self.addr)
    }

    /// The one accepted API key.
    pub fn api_key(&self) -> &str {
        &self.shared.api_key
    }

    /// Every request received (also the refused and faulted ones), in order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.log.requests()
    }

    /// Forgets recorded requests and resets the per-route counts.
    pub fn clear_requests(&self) {
        self.shared.log.clear();
    }

    /// Off: requests are only counted, not kept (for long benchmarks). On by default.
    pub fn set_recording(&self, on: bool) {
        self.shared.log.set_recording(on);
    }

    /// Requests received with this method (case-insensitive) whose path starts with
    /// `path_prefix`, since the start or the last [`Self::clear_requests`].
    pub fn request_count(&self, method: &str, path_prefix: &str) -> u64 {
        self.shared.log.count(Some(method), path_prefix)
    }

    /// All requests received, whatever the method or path.
    pub fn total_requests(&self) -> u64 {
        self.shared.log.count(None, "")
    }

    /// `"GET /api/v2/issues"` → number of requests, for every method and path seen.
    pub fn route_counts(&self) -> BTreeMap<String, u64> {
        self.shared.log.counts()
    }

    pub fn faults(&self) -> FaultHandle {
        FaultHandle::new(self.shared.clone())
    }

    /// The memory model the server serves, to read what a test expects
    /// (`server.model().inspect(|space| …)`) or to change it behind the server.
    pub fn model(&self) -> &MemoryBacklog {
        &self.shared.model
    }
}

impl Drop for FakeBacklog {
    fn drop(&mut self) {
        self.task.abort();
    }
}
