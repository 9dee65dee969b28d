//! The listener: a hand-rolled hyper HTTP/1.1 accept loop.
//!
//! `axum::serve` is not used because the `Drop` fault has to close a connection without
//! answering. Here the per-request service may fail, and hyper then closes the
//! connection without writing a response, which is exactly what a crashed or
//! misbehaving server looks like to a client.

use crate::faults::FaultState;
use crate::pipeline;
use crate::rate_limit::RateLimiter;
use crate::recording::RequestLog;
use axum::Router;
use backlog_mcp::adapters::memory::MemoryBacklog;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use std::sync::{Arc, Mutex, MutexGuard};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpListener;
use tokio::task::JoinSet;

/// State shared by the server task, every connection and the test's handles.
pub(crate) struct Shared {
    pub api_key: String,
    /// The memory model the façade serves.
    pub model: Arc<MemoryBacklog>,
    pub log: RequestLog,
    faults: Mutex<FaultState>,
    limits: Mutex<RateLimiter>,
}

impl Shared {
    pub fn new(api_key: String, model: Arc<MemoryBacklog>) -> Shared {
        Shared {
            api_key,
            model,
            log: RequestLog::default(),
            faults: Mutex::new(FaultState::default()),
            limits: Mutex::new(RateLimiter::default()),
        }
    }

    // A test that panicked while holding a lock must not wedge the server.
    pub fn faults(&self) -> MutexGuard<'_, FaultState> {
        self.faults.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn limits(&self) -> MutexGuard<'_, RateLimiter> {
        self.limits.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Wraps accepted TCP streams (TLS or not) before HTTP is spoken on them.
pub(crate) trait Acceptor: Clone + Send + Sync + 'static {
    type Io: AsyncRead + AsyncWrite + Unpin + Send + 'static;
    fn accept(
        &self,
        stream: tokio::net::TcpStream,
    ) -> impl Future<Output = std::io::Result<Self::Io>> + Send;
}

/// Plain HTTP.
#[derive(Clone)]
pub(crate) struct PlainAcceptor;

impl Acceptor for PlainAcceptor {
    type Io = tokio::net::TcpStream;
    async fn accept(&self, stream: tokio::net::TcpStream) -> std::io::Result<Self::Io> {
        Ok(stream)
    }
}

/// Accepts connections until the task is aborted; dropping the `JoinSet` then aborts
/// every open connection too.
pub(crate) async fn accept_loop<A: Acceptor>(
    listener: TcpListener,
    acceptor: A,
    shared: Arc<Shared>,
    router: Router,
) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    let _ = stream.set_nodelay(true);
                    let acceptor = acceptor.clone();
                    let shared = shared.clone();
                    let router = router.clone();
                    connections.spawn(async move {
                        if let Ok(io) = acceptor.accept(stream).await {
                            serve_connection(io, shared, router).await;
                        }
                    });
                }
                // Out of file descriptors and the like: back off instead of spinning.
                Err(_) => tokio::time::sleep(std::time::Duration::from_millis(10)).await,
            },
            // Reap finished connections so long benchmarks do not accumulate them.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

async fn serve_connection<I>(io: I, shared: Arc<Shared>, router: Router)
where
    I: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let service = hyper::service::service_fn(move |req: hyper::Request<Incoming>| {
        pipeline::handle(shared.clone(), router.clone(), req)
    });
    // Errors here are the client going away, or a `Drop` fault: nothing to report.
    let _ = hyper::server::conn::http1::Builder::new()
        .keep_alive(true)
        .serve_connection(TokioIo::new(io), service)
        .await;
}
