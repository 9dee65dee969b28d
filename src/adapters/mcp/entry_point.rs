//! What an entry point (stdio today, Streamable HTTP later) tells the server
//! core about each request: the server core is the same for every transport.

use rmcp::model::RequestId;
use tokio_util::sync::CancellationToken;

pub trait EntryPoint: Send + Sync {
    /// Cancelled when the client cancels request `id`. The stdio entry point
    /// handles `notifications/cancelled` itself (see `stdio::line_guard`); one
    /// that leaves them to rmcp answers a token that is never cancelled, as
    /// rmcp cancels the request's own token.
    fn cancellation(&self, id: &RequestId) -> CancellationToken;
}
