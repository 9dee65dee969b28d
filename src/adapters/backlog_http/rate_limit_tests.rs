//! Tests of `rate_limit`.

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
