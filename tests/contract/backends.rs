//! The two implementations every scenario runs against: the memory adapter
//! directly, and the HTTP adapter talking to the fake Backlog's façade (the
//! memory model served over HTTP) on 127.0.0.1.

use backlog_mcp::adapters::backlog_http::{HttpBacklog, HttpBacklogConfig, RetryPolicy};
use backlog_mcp::adapters::memory::MemoryBacklog;
use fake_backlog::{FakeBacklog, Model};
use secrecy::SecretString;
use std::time::Duration;

/// Every port at once, so a scenario can use whichever it needs.
pub use backlog_mcp::app::backlog::EveryRepository as Backlog;

pub fn memory() -> MemoryBacklog {
    MemoryBacklog::demo()
}

/// The HTTP adapter and the server it talks to (stopped when dropped).
pub struct OverHttp {
    pub client: HttpBacklog,
    _server: FakeBacklog,
}

fn client_of(server: FakeBacklog) -> OverHttp {
    let client = HttpBacklog::new(HttpBacklogConfig {
        base_url: server.base_url().parse().unwrap(),
        api_key: SecretString::from(server.api_key().to_owned()),
        connect_timeout: Duration::from_secs(2),
        request_timeout: Duration::from_secs(10),
        retry: RetryPolicy {
            base_delay: Duration::from_millis(5),
            max_delay: Duration::from_millis(20),
            ..RetryPolicy::default()
        },
    })
    .unwrap();
    OverHttp {
        client,
        _server: server,
    }
}

/// The HTTP adapter talking to the façade over the memory model (see
/// `fake_backlog`'s `facade`): the wire format checked from both sides.
pub async fn over_facade() -> OverHttp {
    let server = FakeBacklog::start(Model::demo()).await;
    client_of(server)
}
