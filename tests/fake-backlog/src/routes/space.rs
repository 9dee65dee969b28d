//! `GET /space`, `/rateLimit`, `/priorities`, `/resolutions`.

use super::AppState;
use crate::errors::{ApiResult, json_ok};
use crate::json;
use crate::rate_limit::Bucket;
use crate::space::{PRIORITIES, RESOLUTIONS};
use serde_json::{Map, Value, json};

pub(super) async fn space(state: AppState) -> ApiResult {
    let space = state.space.lock();
    Ok(json_ok(&json::space_info(&space)))
}

/// The state of all four buckets, after counting this request itself.
pub(super) async fn rate_limit(state: AppState) -> ApiResult {
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

pub(super) async fn priorities() -> ApiResult {
    Ok(json_ok(&json::id_names(&PRIORITIES)))
}

pub(super) async fn resolutions() -> ApiResult {
    Ok(json_ok(&json::id_names(&RESOLUTIONS)))
}
