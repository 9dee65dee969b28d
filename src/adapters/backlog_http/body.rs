//! Reading an answer's body: bounded for downloads, decoded for JSON.

use super::api_call::ApiCall;
use crate::domain::backlog_error::BacklogError;
use serde::de::DeserializeOwned;

/// Why [`read_at_most`] stopped.
pub(super) enum Overflow {
    TooLarge,
    Failed(reqwest::Error),
}

/// Reads a body chunk by chunk, giving up as soon as it exceeds `max` bytes
/// (or at once when `Content-Length` announces more), so an oversized file is
/// never held in memory.
pub(super) async fn read_at_most(
    mut response: reqwest::Response,
    max: u64,
) -> Result<Vec<u8>, Overflow> {
    let announced = response.content_length();
    if announced.is_some_and(|length| length > max) {
        return Err(Overflow::TooLarge);
    }
    let capacity = announced.unwrap_or(0).min(max);
    let mut body = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    while let Some(chunk) = response.chunk().await.map_err(Overflow::Failed)? {
        let total = body.len().saturating_add(chunk.len());
        if u64::try_from(total).unwrap_or(u64::MAX) > max {
            return Err(Overflow::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Reads a JSON answer. The plain parse is the fast path; only an answer that
/// does not fit is parsed again, tracking the path, to say where it broke.
pub(super) fn decode<T: DeserializeOwned>(body: &[u8], call: &ApiCall) -> Result<T, BacklogError> {
    if let Ok(value) = serde_json::from_slice(body) {
        return Ok(value);
    }
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let error = match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        Ok(value) => return Ok(value),
        Err(error) => error,
    };
    Err(BacklogError::InvalidResponse {
        detail: format!(
            "{} /{}: {} at `{}`",
            call.method,
            call.path.join("/"),
            error.inner(),
            error.path()
        ),
    })
}
