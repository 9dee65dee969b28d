//! Pacing by Backlog's rate limits. Backlog counts requests per user and minute
//! in four buckets and reports `X-RateLimit-Remaining` / `X-RateLimit-Reset` on
//! every answer. One [`RateLimiter`] is shared by every in-flight request: each
//! request reserves a slot before it is sent, so concurrent requests never spend
//! more than what is left, and once the bucket is empty they all wait for the reset.

use chrono::{DateTime, Utc};
use reqwest::Method;
use reqwest::header::{HeaderMap, RETRY_AFTER};
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

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

#[derive(Debug, Clone, Copy, Default)]
struct BucketState {
    /// Requests left in the current window, as far as we know.
    remaining: Option<u64>,
    /// When the current window ends.
    reset_at: Option<DateTime<Utc>>,
}

/// The wait for a reset is longer than allowed; Backlog accepts requests again at `retry_at`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaitTooLong {
    pub retry_at: DateTime<Utc>,
}

/// A little slack after the announced reset, for clock differences.
const RESET_MARGIN: Duration = Duration::from_millis(250);

pub struct RateLimiter {
    buckets: Mutex<HashMap<Bucket, BucketState>>,
    max_wait: Duration,
}

impl RateLimiter {
    pub fn new(max_wait: Duration) -> Self {
        Self {
            buckets: Mutex::new(HashMap::new()),
            max_wait,
        }
    }

    /// Waits until a request may be sent in `bucket` and reserves it. When the
    /// bucket is empty and its reset is further away than the allowed wait, it
    /// says when to come back instead of waiting.
    pub async fn acquire(&self, bucket: Bucket) -> Result<(), WaitTooLong> {
        loop {
            let (wait, window_end) = {
                let mut buckets = self.lock();
                let state = buckets.entry(bucket).or_default();
                match (state.remaining, state.reset_at) {
                    (Some(left), _) if left > 0 => {
                        state.remaining = Some(left - 1);
                        return Ok(());
                    }
                    (Some(_), Some(reset_at)) => match (reset_at - Utc::now()).to_std() {
                        Ok(until_reset) => (until_reset + RESET_MARGIN, reset_at),
                        // The window is over: the budget is unknown until the next answer.
                        Err(_) => {
                            *state = BucketState::default();
                            return Ok(());
                        }
                    },
                    _ => return Ok(()),
                }
            };
            if wait > self.max_wait {
                return Err(WaitTooLong {
                    retry_at: window_end,
                });
            }
            tracing::info!(
                ?bucket,
                wait_ms = wait.as_millis(),
                "rate limit reached; waiting for the reset"
            );
            tokio::time::sleep(wait).await;
            let mut buckets = self.lock();
            let state = buckets.entry(bucket).or_default();
            if state.reset_at == Some(window_end) {
                // We waited that window out; the next answer tells the new budget.
                *state = BucketState::default();
            }
        }
    }

    /// Records what an answer says about the budget.
    pub fn observe(&self, bucket: Bucket, headers: &HeaderMap) {
        let (Some(remaining), Some(reset_at)) = (
            header_number(headers, "x-ratelimit-remaining"),
            header_number(headers, "x-ratelimit-reset")
                .and_then(|s| DateTime::from_timestamp(i64::try_from(s).ok()?, 0)),
        ) else {
            return;
        };
        let mut buckets = self.lock();
        let state = buckets.entry(bucket).or_default();
        let same_window = state.reset_at == Some(reset_at);
        if state.reset_at.is_none_or(|known| reset_at > known) {
            *state = BucketState {
                remaining: Some(remaining),
                reset_at: Some(reset_at),
            };
        } else if same_window {
            // Answers overtake each other; the smallest count is the freshest.
            state.remaining = Some(state.remaining.map_or(remaining, |r| r.min(remaining)));
        }
    }

    /// Backlog answered 429: nothing is left until `retry_at`.
    pub fn exhausted(&self, bucket: Bucket, retry_at: DateTime<Utc>) {
        let mut buckets = self.lock();
        let state = buckets.entry(bucket).or_default();
        state.remaining = Some(0);
        state.reset_at = Some(state.reset_at.map_or(retry_at, |known| known.max(retry_at)));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Bucket, BucketState>> {
        self.buckets.lock().unwrap_or_else(PoisonError::into_inner)
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
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(remaining: u64, reset: DateTime<Utc>) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-ratelimit-limit", HeaderValue::from_static("150"));
        headers.insert(
            "x-ratelimit-remaining",
            HeaderValue::from_str(&remaining.to_string()).unwrap(),
        );
        headers.insert(
            "x-ratelimit-reset",
            HeaderValue::from_str(&reset.timestamp().to_string()).unwrap(),
        );
        headers
    }

    fn path(p: &[&str]) -> Vec<String> {
        p.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn requests_are_sorted_into_backlogs_buckets() {
        assert_eq!(Bucket::of(&Method::GET, &path(&["issues"])), Bucket::Search);
        assert_eq!(
            Bucket::of(&Method::GET, &path(&["issues", "count"])),
            Bucket::Search
        );
        assert_eq!(
            Bucket::of(&Method::GET, &path(&["issues", "WEB-1"])),
            Bucket::Read
        );
        assert_eq!(
            Bucket::of(&Method::PATCH, &path(&["issues", "WEB-1"])),
            Bucket::Update
        );
        assert_eq!(
            Bucket::of(&Method::GET, &path(&["users", "5", "icon"])),
            Bucket::Icon
        );
    }

    /// A reset time as Backlog sends it: whole seconds.
    fn reset_in(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(Utc::now().timestamp() + seconds, 0).unwrap()
    }

    #[tokio::test]
    async fn concurrent_requests_share_the_remaining_budget() {
        let limiter = RateLimiter::new(Duration::from_secs(60));
        let reset = reset_in(30);
        limiter.observe(Bucket::Read, &headers(2, reset));
        assert_eq!(limiter.acquire(Bucket::Read).await, Ok(()));
        assert_eq!(limiter.acquire(Bucket::Read).await, Ok(()));
        // The third must wait for the reset: with a short allowance it is told when.
        let impatient = RateLimiter::new(Duration::from_secs(1));
        impatient.observe(Bucket::Read, &headers(0, reset));
        assert_eq!(
            impatient.acquire(Bucket::Read).await,
            Err(WaitTooLong { retry_at: reset })
        );
        // Other buckets are unaffected.
        assert_eq!(impatient.acquire(Bucket::Search).await, Ok(()));
    }

    #[tokio::test(start_paused = true)]
    async fn an_empty_bucket_waits_until_the_reset() {
        let limiter = RateLimiter::new(Duration::from_secs(60));
        let reset = Utc::now() + chrono::Duration::seconds(2);
        limiter.exhausted(Bucket::Search, reset);
        let started = tokio::time::Instant::now();
        assert_eq!(limiter.acquire(Bucket::Search).await, Ok(()));
        let waited = started.elapsed();
        assert!(waited >= Duration::from_millis(1_500), "{waited:?}");
        assert!(waited <= Duration::from_secs(3), "{waited:?}");
    }

    #[test]
    fn stale_answers_do_not_raise_the_budget_of_the_current_window() {
        let limiter = RateLimiter::new(Duration::from_secs(60));
        let reset = reset_in(30);
        limiter.observe(Bucket::Read, &headers(3, reset));
        limiter.observe(Bucket::Read, &headers(7, reset));
        let state = limiter.lock()[&Bucket::Read];
        assert_eq!(state.remaining, Some(3));
        // A new window replaces the old one.
        limiter.observe(
            Bucket::Read,
            &headers(149, reset + chrono::Duration::seconds(60)),
        );
        assert_eq!(limiter.lock()[&Bucket::Read].remaining, Some(149));
    }

    #[test]
    fn retry_after_wins_over_the_reset_header() {
        let now = Utc::now();
        let reset = now + chrono::Duration::seconds(40);
        let mut with_both = headers(0, reset);
        with_both.insert(RETRY_AFTER, HeaderValue::from_static("5"));
        assert_eq!(
            retry_time(&with_both, now),
            now + chrono::Duration::seconds(5)
        );
        assert_eq!(
            retry_time(&headers(0, reset), now).timestamp(),
            reset.timestamp()
        );
        assert_eq!(
            retry_time(&HeaderMap::new(), now),
            now + chrono::Duration::seconds(60)
        );
    }
}
