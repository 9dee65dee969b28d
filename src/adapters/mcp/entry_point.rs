//! What an entry point (stdio today, Streamable HTTP later) tells the server
//! core about each request: the server core is the same for every transport.

use crate::ports::Caller;
use rmcp::RoleServer;
use rmcp::model::RequestId;
use rmcp::service::RequestContext;
use tokio_util::sync::CancellationToken;

pub trait EntryPoint: Send + Sync {
    /// Cancelled when the client cancels request `id`. The stdio entry point
    /// handles `notifications/cancelled` itself (see `stdio::line_guard`); one
    /// that leaves them to rmcp answers a token that is never cancelled, as
    /// rmcp cancels the request's own token.
    fn cancellation(&self, id: &RequestId) -> CancellationToken;

    /// Who sent the request. On stdio the configured space serves everyone;
    /// over HTTP the request's headers (in `request.extensions`) may name
    /// another space and its key.
    fn caller(&self, _request: &RequestContext<RoleServer>) -> Caller {
        Caller::default()
    }
}
