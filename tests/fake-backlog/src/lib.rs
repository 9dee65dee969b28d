//! A Backlog-shaped HTTP server (REST API v2) on 127.0.0.1, for integration tests and
//! benchmarks, with fault injection.
//!
//! It is an independent implementation of the wire format in
//! `shared/reference/backlog-api.md`: it does not share code with the backlog-mcp
//! client, so tests that point that client at it check both sides of the contract.
//!
//! Besides the reads (space, users, projects and their settings, issues with every
//! filter, comments, activities, watchings, attachments with their bytes, related
//! issues, star counts) it takes the writes a client tool needs: issues (create 201 +
//! `Location`, update with change log, delete), comments, related issues, watchings
//! (mark as read 204), projects, categories and versions. Writes act as "myself" on the
//! space's deterministic clock; every request is recorded with its decoded form.
//!
//! ```no_run
//! # async fn demo() {
//! use fake_backlog::{FakeBacklog, Fault, ScriptedFault, Space};
//! let server = FakeBacklog::start(Space::demo()).await;
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
mod filters;
mod forms;
mod issue_changes;
pub mod json;
mod model;
mod pipeline;
mod query;
mod rate_limit;
mod recording;
mod routes;
mod server;
mod space;
#[cfg(feature = "tls")]
mod tls;

pub use errors::{ApiError, JSON_CONTENT_TYPE, error_body};
pub use faults::{Fault, FaultHandle, ScriptedFault};
pub use model::{Model, Served, seed};
pub use rate_limit::{Bucket, RateState};
pub use recording::RecordedRequest;
pub use space::{
    Activity, ActivityChange, ActivityContent, Attachment, AttachmentData, Category,
    ChangeLogEntry, Comment, CustomField, CustomFieldType, CustomValue, DEFAULT_API_KEY, Issue,
    IssueType, ListItem, NewIssue, NextIds, NulabAccount, PRIORITIES, Project, RESOLUTIONS, Space,
    SpaceHandle, SpaceInfo, Star, Status, User, Version, Watching,
};

/// Well-known ids of [`Space::demo`] (users, projects and their settings, attachments,
/// watchings).
pub mod demo {
    pub use crate::space::demo::{
        ADMIN, ANDROID, APP, APP_BUG, APP_TASK, ATTACHMENT_HEAP_DUMP, ATTACHMENT_HEAP_DUMP_SIZE,
        ATTACHMENT_LOGCAT, ATTACHMENT_MINUTES, ATTACHMENT_MINUTES_NAME, ATTACHMENT_PNG, BACKEND,
        BACKLOG, BOT, CF_BROWSER, CF_CUSTOMER, CF_PLATFORMS, CF_POINTS, CF_SEVERITY, CF_TARGET,
        FRONTEND, IN_REVIEW, INFRA, IOS, OLD, OLD_TASK, SATO, SMITH, SPRINT_12, SPRINT_13, SUZUKI,
        V1_0, V2_0, V2_1, WATCHING_APP_2, WATCHING_APP_6, WATCHING_SUZUKI_WEB_3, WATCHING_WEB_2,
        WATCHING_WEB_8, WATCHING_WEB_12, WEB, WEB_BUG, WEB_OTHER, WEB_REQUEST, WEB_TASK,
    };
}

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
    shared: Arc<Shared>,
    /// The memory model the façade serves (none when the fake's own model does).
    model: Option<Arc<MemoryBacklog>>,
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
    /// Binds `127.0.0.1:0` and serves `space` (a [`Model`] through the façade).
    ///
    /// # Panics
    /// When no loopback port can be bound, or outside a tokio runtime.
    pub async fn start(space: impl Into<Served>) -> FakeBacklog {
        FakeBacklog::start_on_port(space, 0)
            .await
            .expect("bind 127.0.0.1:0")
    }

    /// Binds `127.0.0.1:port` (0 = any free port) and serves `space` over plain HTTP.
    pub async fn start_on_port(
        space: impl Into<Served>,
        port: u16,
    ) -> std::io::Result<FakeBacklog> {
        let listener = TcpListener::bind(("127.0.0.1", port)).await?;
        Ok(FakeBacklog::serve(
            listener,
            space.into(),
            "http",
            PlainAcceptor,
        ))
    }

    /// Binds `127.0.0.1:0` and serves the memory model through the façade (see
    /// `facade`: so far the space, users and projects). Accepts [`DEFAULT_API_KEY`].
    ///
    /// # Panics
    /// When no loopback port can be bound, or outside a tokio runtime.
    pub async fn start_facade(model: MemoryBacklog) -> FakeBacklog {
        FakeBacklog::start(Model::of(model.snapshot())).await
    }

    /// Binds `127.0.0.1:port` and serves `space` over HTTPS with a fresh self-signed
    /// CA; the CA certificate is written to `cert_dir/cert.pem` (for
    /// `NODE_EXTRA_CA_CERTS` or a client's root store).
    #[cfg(feature = "tls")]
    pub async fn start_tls(
        space: impl Into<Served>,
        port: u16,
        cert_dir: &std::path::Path,
    ) -> std::io::Result<FakeBacklog> {
        let acceptor = tls::TlsAcceptor::generate(cert_dir)?;
        let listener = TcpListener::bind(("127.0.0.1", port)).await?;
        Ok(FakeBacklog::serve(
            listener,
            space.into(),
            "https",
            acceptor,
        ))
    }

    fn serve<A: server::Acceptor>(
        listener: TcpListener,
        served: Served,
        scheme: &'static str,
        acceptor: A,
    ) -> FakeBacklog {
        let addr = listener
            .local_addr()
            .unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)));
        let base_url = format!("{scheme}://{addr}");
        let (space, model) = match served {
            Served::Own(space) => (space, None),
            Served::Facade(model) => (
                Space::empty().with_api_key(&model.api_key),
                Some(Arc::new(MemoryBacklog::with_space(model.space))),
            ),
        };
        let shared = Arc::new(Shared::new(
            space.api_key.clone(),
            base_url.clone(),
            SpaceHandle::new(space),
            model.clone(),
        ));
        let router = match &model {
            Some(model) => {
                facade::router(model.clone(), base_url).merge(routes::server_routes(shared.clone()))
            }
            None => routes::router(shared.clone()),
        };
        let task = tokio::spawn(server::accept_loop(
            listener,
            acceptor,
            shared.clone(),
            router,
        ));
        FakeBacklog {
            shared,
            model,
            addr,
            scheme,
            task,
        }
    }

    /// `http://127.0.0.1:PORT` (no trailing slash, no `/api/v2`).
    pub fn base_url(&self) -> String {
        format!("{}://{}", self.scheme, self.addr)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
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

    pub fn space(&self) -> SpaceHandle {
        self.shared.space.clone()
    }

    /// The memory model a façade server serves, to read what a test expects
    /// (`server.model().inspect(|space| …)`) or to change it behind the server.
    ///
    /// # Panics
    /// When the server serves the fake's own model ([`Space`]), not a [`Model`].
    pub fn model(&self) -> &MemoryBacklog {
        self.model
            .as_deref()
            .expect("model(): this server serves the fake's own model, not a memory one")
    }
}

impl Drop for FakeBacklog {
    fn drop(&mut self) {
        self.task.abort();
    }
}
