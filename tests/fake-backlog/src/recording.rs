//! What the server received: every request in order, and a count per route.
//!
//! Counts are kept apart from the recorded requests so that long benchmarks can turn
//! recording off (see [`crate::FakeBacklog::set_recording`]) and still assert on counts.

use std::collections::BTreeMap;
use std::sync::Mutex;

/// One request as the server saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    /// `GET`, `POST`, ...
    pub method: String,
    /// The raw path, e.g. `/api/v2/issues`.
    pub path: String,
    /// Decoded query pairs, order kept; `statusId%5B%5D` appears as `statusId[]`.
    pub query: Vec<(String, String)>,
    /// The query string as sent (without `?`).
    pub raw_query: String,
    /// Lower-case header names, in order.
    pub headers: Vec<(String, String)>,
    /// The raw body (lossy UTF-8).
    pub body: String,
    /// Decoded body pairs when the body is `application/x-www-form-urlencoded`.
    pub form: Vec<(String, String)>,
}

impl RecordedRequest {
    /// The first value of a header (name compared case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a decoded query parameter.
    pub fn query_values(&self, name: &str) -> Vec<&str> {
        self.query
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The first value of a decoded query parameter.
    pub fn query_value(&self, name: &str) -> Option<&str> {
        self.query_values(name).into_iter().next()
    }
}

#[derive(Debug, Default)]
struct LogState {
    requests: Vec<RecordedRequest>,
    /// `"GET /api/v2/issues"` → count.
    counts: BTreeMap<String, u64>,
    /// Only counting (recording is on by default).
    paused: bool,
}

#[derive(Debug, Default)]
pub(crate) struct RequestLog {
    state: Mutex<LogState>,
}

impl RequestLog {
    fn lock(&self) -> std::sync::MutexGuard<'_, LogState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn record(&self, request: RecordedRequest) {
        let mut state = self.lock();
        *state
            .counts
            .entry(format!("{} {}", request.method, request.path))
            .or_default() += 1;
        if !state.paused {
            state.requests.push(request);
        }
    }

    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.lock().requests.clone()
    }

    /// Forgets recorded requests and counts.
    pub fn clear(&self) {
        let mut state = self.lock();
        state.requests.clear();
        state.counts.clear();
    }

    pub fn set_recording(&self, on: bool) {
        self.lock().paused = !on;
    }

    pub fn counts(&self) -> BTreeMap<String, u64> {
        self.lock().counts.clone()
    }

    /// Requests whose method matches (`None` = any) and whose path starts with `prefix`.
    pub fn count(&self, method: Option<&str>, prefix: &str) -> u64 {
        self.lock()
            .counts
            .iter()
            .filter(|(route, _)| {
                let (m, path) = route.split_once(' ').unwrap_or(("", route));
                method.is_none_or(|want| want.eq_ignore_ascii_case(m)) && path.starts_with(prefix)
            })
            .map(|(_, n)| n)
            .sum()
    }
}
