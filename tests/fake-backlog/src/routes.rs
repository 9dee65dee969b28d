//! What the façade's handlers share with the server: the decoded query and form
//! (put into the request extensions by [`crate::pipeline`]), and what only a
//! server has, `GET /rateLimit`.

use crate::errors::{ApiResult, json_ok};
use crate::params::{Params, WriteParams};
use crate::rate_limit::Bucket;
use crate::server::Shared;
use axum::Router;
use axum::extract::{Extension, State};
use axum::routing::get;
use serde_json::{Map, Value, json};
use std::sync::Arc;

pub(crate) type Query = Extension<Arc<Params>>;
/// Write parameters (form body plus query); see [`crate::params`].
pub(crate) type Form = Extension<Arc<WriteParams>>;

/// What only a server has, whichever model it serves: `GET /rateLimit`.
pub(crate) fn server_routes(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/api/v2/rateLimit", get(rate_limit))
        .with_state(shared)
}

/// The state of all four buckets, after counting this request itself.
async fn rate_limit(state: State<Arc<Shared>>) -> ApiResult {
    let mut limits = state.limits();
    let buckets: Map<String, Value> = Bucket::ALL
        .into_iter()
        .map(|b| {
            let s = limits.peek(b);
            (
                b.name().to_owned(),
                json!({"limit": s.limit, "remaining": s.remaining, "reset": s.reset}),
            )
        })
        .collect();
    Ok(json_ok(&json!({ "rateLimit": buckets })))
}

/// RFC 5987 `value-chars`: `attr-char`s as they are, every other byte `%XX`
/// (a download's `Content-Disposition: attachment; filename*=UTF-8''…`).
pub(crate) fn rfc5987(name: &str) -> String {
    let mut out = String::with_capacity(name.len() * 3);
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn rfc5987() {
        assert_eq!(super::rfc5987("a b.txt"), "a%20b.txt");
        assert_eq!(super::rfc5987("議.txt"), "%E8%AD%B0.txt");
        assert_eq!(super::rfc5987("x(1);'\"*"), "x%281%29%3B%27%22%2A");
    }
}
