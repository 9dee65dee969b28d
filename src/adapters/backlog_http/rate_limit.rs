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

    fn in_seconds(seconds: i64) -> DateTime<Utc> {
        Utc::now() + chrono::Duration::seconds(seconds)
    }

    fn remaining(limiter: &RateLimiter, bucket: Bucket) -> u64 {
        limiter.lock()[&bucket].remaining
    }

    /// How long `acquire` took (on tokio's clock, paused in these tests).
    async fn time_to_acquire(limiter: &RateLimiter, bucket: Bucket) -> Duration {
        let started = Instant::now();
        assert_eq!(limiter.acquire(bucket).await, Ok(()));
        started.elapsed()
    }

    #[tokio::test]
    async fn concurrent_requests_share_the_remaining_budget() {
        let limiter = RateLimiter::new(Duration::from_secs(60));
        let reset = reset_in(30);
        limiter.observe(Bucket::Read, &headers(2, reset), Instant::now());
        assert_eq!(limiter.acquire(Bucket::Read).await, Ok(()));
        assert_eq!(limiter.acquire(Bucket::Read).await, Ok(()));
        // The third must wait for the reset: with a short allowance it is told when.
        let impatient = RateLimiter::new(Duration::from_secs(1));
        impatient.observe(Bucket::Read, &headers(0, reset), Instant::now());
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
        limiter.exhausted(Bucket::Search, in_seconds(2), Instant::now());
        let waited = time_to_acquire(&limiter, Bucket::Search).await;
        assert!(waited >= Duration::from_millis(1_500), "{waited:?}");
        assert!(waited <= Duration::from_secs(3), "{waited:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn a_429_with_a_sooner_reset_than_the_announced_window_is_trusted() {
        let limiter = RateLimiter::new(Duration::from_secs(90));
        limiter.observe(Bucket::Search, &headers(140, reset_in(60)), Instant::now());
        tokio::time::sleep(Duration::from_millis(10)).await;
        // Sent after that answer arrived, refused with a reset a second away.
        limiter.exhausted(Bucket::Search, in_seconds(1), Instant::now());
        let waited = time_to_acquire(&limiter, Bucket::Search).await;
        assert!(waited >= Duration::from_millis(900), "{waited:?}");
        assert!(
            waited <= Duration::from_secs(2),
            "not the whole window: {waited:?}"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_waiting_request_is_woken_by_a_sooner_reset() {
        let limiter = std::sync::Arc::new(RateLimiter::new(Duration::from_secs(90)));
        limiter.observe(Bucket::Search, &headers(0, reset_in(50)), Instant::now());
        let waiter = tokio::spawn({
            let limiter = limiter.clone();
            async move { time_to_acquire(&limiter, Bucket::Search).await }
        });
        tokio::time::sleep(Duration::from_millis(100)).await;
        // A request already in flight is refused, with a reset a second away.
        limiter.exhausted(Bucket::Search, in_seconds(1), Instant::now());
        let waited = waiter.await.unwrap();
        assert!(waited >= Duration::from_millis(900), "{waited:?}");
        assert!(waited <= Duration::from_secs(3), "{waited:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn an_answer_overtaken_by_a_429_does_not_reopen_the_budget() {
        let limiter = RateLimiter::new(Duration::from_secs(90));
        let in_flight_since = Instant::now();
        tokio::time::sleep(Duration::from_millis(10)).await;
        limiter.exhausted(Bucket::Search, in_seconds(2), Instant::now());
        // An older request's answer arrives late, from the long window.
        limiter.observe(Bucket::Search, &headers(50, reset_in(60)), in_flight_since);
        assert_eq!(remaining(&limiter, Bucket::Search), 0);
        let waited = time_to_acquire(&limiter, Bucket::Search).await;
        assert!(waited >= Duration::from_millis(1_500), "{waited:?}");
        assert!(waited <= Duration::from_secs(3), "{waited:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn a_new_window_after_a_429_replaces_it() {
        let limiter = RateLimiter::new(Duration::from_secs(90));
        limiter.exhausted(Bucket::Update, in_seconds(1), Instant::now());
        let waited = time_to_acquire(&limiter, Bucket::Update).await;
        assert!(waited <= Duration::from_secs(2), "{waited:?}");
        let sent = Instant::now();
        tokio::time::sleep(Duration::from_millis(30)).await;
        limiter.observe(Bucket::Update, &headers(149, reset_in(60)), sent);
        assert_eq!(remaining(&limiter, Bucket::Update), 149);
        assert_eq!(
            time_to_acquire(&limiter, Bucket::Update).await,
            Duration::ZERO
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_429_in_flight_meanwhile_counts_only_when_it_asks_for_less_waiting() {
        let limiter = RateLimiter::new(Duration::from_secs(90));
        let in_flight_since = Instant::now();
        tokio::time::sleep(Duration::from_millis(10)).await;
        limiter.observe(Bucket::Read, &headers(100, reset_in(30)), Instant::now());
        // From an earlier window, further away than what is known now: out of date.
        limiter.exhausted(Bucket::Read, reset_in(50), in_flight_since);
        assert_eq!(remaining(&limiter, Bucket::Read), 100);
        // A refusal with a short reset is real, whatever overtook it.
        limiter.exhausted(Bucket::Read, in_seconds(1), in_flight_since);
        let waited = time_to_acquire(&limiter, Bucket::Read).await;
        assert!(waited >= Duration::from_millis(900), "{waited:?}");
        assert!(waited <= Duration::from_secs(2), "{waited:?}");
    }

    #[test]
    fn stale_answers_do_not_raise_the_budget_of_the_current_window() {
        let limiter = RateLimiter::new(Duration::from_secs(60));
        let reset = reset_in(30);
        let sent = Instant::now();
        limiter.observe(Bucket::Read, &headers(3, reset), sent);
        limiter.observe(Bucket::Read, &headers(7, reset), sent);
        assert_eq!(remaining(&limiter, Bucket::Read), 3);
        // A newer request's answer tells of a new window, which replaces the old one.
        limiter.observe(
            Bucket::Read,
            &headers(149, reset + chrono::Duration::seconds(60)),
            Instant::now(),
        );
        assert_eq!(remaining(&limiter, Bucket::Read), 149);
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
