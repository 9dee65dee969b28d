//! Pacing by Backlog's rate limits. Backlog counts requests per user and minute
//! in four buckets and reports `X-RateLimit-Remaining` / `X-RateLimit-Reset` on
//! every answer. One [`RateLimiter`] is shared by every in-flight request: each
//! request reserves a slot before it is sent, so concurrent requests never spend
//! more than what is left, and once the bucket is empty they all wait for the reset.
//!
//! Which answer to believe, since answers overtake each other: an answer to a
//! request sent after the current knowledge arrived is newer and replaces it,
//! even when its reset is sooner (a 429's `Retry-After` or reset is the freshest
//! word there is); an answer that was already in flight can only lower the count
//! of the same window, and is otherwise out of date and ignored. Whenever the
//! known reset changes, waiting requests look again, so a sooner reset ends a
//! long wait at once.

use chrono::{DateTime, Utc};
use reqwest::Method;
use reqwest::header::{HeaderMap, RETRY_AFTER};
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;
use tokio::sync::Notify;
use tokio::time::Instant;

/// Backlog's rate-limit buckets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bucket {
    Read,
    Update,
    Search,
    Icon,
}

impl Bucket {
    /// Which bucket a request counts against: writes are updates, issue lists and
    /// counts are searches, images are icons, other reads are reads.
    pub fn of(method: &Method, path: &[String]) -> Self {
        if method != Method::GET {
            return Self::Update;
        }
        let segments: Vec<&str> = path.iter().map(String::as_str).collect();
        match segments.as_slice() {
            ["issues"] | ["issues", "count"] => Self::Search,
            [.., "icon" | "image"] => Self::Icon,
            _ => Self::Read,
        }
    }
}

/// What the latest trusted answer said about one bucket's current window.
#[derive(Debug, Clone, Copy)]
struct Window {
    /// Requests left, less those reserved since.
    remaining: u64,
    /// When Backlog says the window ends; also tells windows apart.
    reset_at: DateTime<Utc>,
    /// The same moment on the monotonic clock, fixed when it was learned.
    ends: Instant,
    /// When the answer that told it arrived: answers to requests sent before
    /// then may be out of date.
    learned_at: Instant,
}

/// The wait for a reset is longer than allowed; Backlog accepts requests again at `retry_at`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaitTooLong {
    pub retry_at: DateTime<Utc>,
}

/// A little slack after the announced reset, for clock differences.
const RESET_MARGIN: Duration = Duration::from_millis(250);

pub struct RateLimiter {
    windows: Mutex<HashMap<Bucket, Window>>,
    /// Woken whenever a bucket's known reset changes.
    changed: Notify,
    max_wait: Duration,
}

impl RateLimiter {
    pub fn new(max_wait: Duration) -> Self {
        Self {
            windows: Mutex::new(HashMap::new()),
            changed: Notify::new(),
            max_wait,
        }
    }

    /// Waits until a request may be sent in `bucket` and reserves it. When the
    /// bucket is empty and its reset is further away than the allowed wait, it
    /// says when to come back instead of waiting.
    pub async fn acquire(&self, bucket: Bucket) -> Result<(), WaitTooLong> {
        loop {
            // Registered before the state is read, so no change is missed.
            let changed = self.changed.notified();
            tokio::pin!(changed);
            changed.as_mut().enable();
            let (wait, retry_at) = {
                let mut windows = self.lock();
                let Some(window) = windows.get_mut(&bucket) else {
                    return Ok(());
                };
                let now = Instant::now();
                let over = window.ends + RESET_MARGIN;
                if window.remaining > 0 {
                    window.remaining -= 1;
                    return Ok(());
                }
                if over <= now {
                    // The window is over: the budget is unknown until the next answer.
                    return Ok(());
                }
                (over - now, window.reset_at)
            };
            if wait > self.max_wait {
                return Err(WaitTooLong { retry_at });
            }
            tracing::info!(
                ?bucket,
                wait_ms = wait.as_millis(),
                "rate limit reached; waiting for the reset"
            );
            tokio::select! {
                () = tokio::time::sleep(wait) => {}
                () = &mut changed => {}
            }
        }
    }

    /// Records what an answer other than a 429 says about the budget, from its
    /// `X-RateLimit-*` headers. `sent_at`: when its request left.
    pub fn observe(&self, bucket: Bucket, headers: &HeaderMap, sent_at: Instant) {
        let (Some(remaining), Some(reset_at)) = (
            header_number(headers, "x-ratelimit-remaining"),
            header_number(headers, "x-ratelimit-reset")
                .and_then(|s| DateTime::from_timestamp(i64::try_from(s).ok()?, 0)),
        ) else {
            return;
        };
        self.learn(bucket, remaining, reset_at, sent_at, false);
    }

    /// Backlog answered 429: nothing is left until `retry_at`, sooner or later
    /// than what earlier answers announced.
    pub fn exhausted(&self, bucket: Bucket, retry_at: DateTime<Utc>, sent_at: Instant) {
        self.learn(bucket, 0, retry_at, sent_at, true);
    }

    /// `refusal`: a 429. One that was in flight while newer news arrived still
    /// counts when it asks for a shorter wait than the known window: it is a
    /// real refusal, and trusting it costs at most that short wait.
    fn learn(
        &self,
        bucket: Bucket,
        remaining: u64,
        reset_at: DateTime<Utc>,
        sent_at: Instant,
        refusal: bool,
    ) {
        let now = Instant::now();
        let until_reset = (reset_at - Utc::now()).to_std().unwrap_or(Duration::ZERO);
        let told = Window {
            remaining,
            reset_at,
            ends: now + until_reset,
            learned_at: now,
        };
        let mut windows = self.lock();
        let reset_changed = match windows.get_mut(&bucket) {
            Some(known) if known.reset_at == reset_at => {
                // The same window: the smallest count is the freshest.
                known.remaining = known.remaining.min(remaining);
                false
            }
            Some(known)
                if sent_at < known.learned_at && !(refusal && reset_at < known.reset_at) =>
            {
                false
            }
            _ => {
                windows.insert(bucket, told);
                true
            }
        };
        drop(windows);
        if reset_changed {
            self.changed.notify_waiters();
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Bucket, Window>> {
        self.windows.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

fn header_number(headers: &HeaderMap, name: &str) -> Option<u64> {
    headers.get(name)?.to_str().ok()?.trim().parse().ok()
}

/// When Backlog will accept requests again after a 429: `Retry-After` (seconds or
/// an HTTP date) if present, else `X-RateLimit-Reset`, else a minute from now.
pub fn retry_time(headers: &HeaderMap, now: DateTime<Utc>) -> DateTime<Utc> {
    let retry_after = headers
        .get(RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            let v = v.trim();
            match v.parse::<i64>() {
                Ok(seconds) => Some(now + chrono::Duration::seconds(seconds)),
                Err(_) => DateTime::parse_from_rfc2822(v)
                    .ok()
                    .map(|d| d.with_timezone(&Utc)),
            }
        });
    let reset = header_number(headers, "x-ratelimit-reset")
        .and_then(|s| DateTime::from_timestamp(i64::try_from(s).ok()?, 0));
    retry_after
        .or(reset)
        .unwrap_or(now + chrono::Duration::seconds(60))
}

#[cfg(test)]
#[path = "rate_limit_tests.rs"]
mod tests;
