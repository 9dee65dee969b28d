//! Backlog's per-minute rate limits: four buckets (read, update, search, icon), each a
//! fixed window that starts with the first request after the previous window ended.
//! Every answer carries `X-RateLimit-Limit/Remaining/Reset` for its bucket.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A rate-limit bucket, as Backlog classifies requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bucket {
    /// GET requests other than search and icon.
    Read,
    /// POST, PUT, PATCH, DELETE.
    Update,
    /// `GET /issues` and `GET /issues/count`.
    Search,
    /// Image downloads (`/space/image`, `/users/:id/icon`, `/projects/:p/image`, `/teams/:id/icon`).
    Icon,
}

impl Bucket {
    /// The bucket a request counts against.
    pub fn classify(method: &str, path: &str) -> Bucket {
        if !method.eq_ignore_ascii_case("GET") && !method.eq_ignore_ascii_case("HEAD") {
            return Bucket::Update;
        }
        let path = path.trim_end_matches('/');
        let rest = path.strip_prefix("/api/v2").unwrap_or(path);
        if rest == "/issues" || rest == "/issues/count" {
            return Bucket::Search;
        }
        let segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            ["space", "image"]
            | ["users", _, "icon"]
            | ["projects", _, "image"]
            | ["teams", _, "icon"] => Bucket::Icon,
            _ => Bucket::Read,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A bucket's state as the headers report it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateState {
    pub limit: u32,
    pub remaining: u32,
    /// UTC epoch seconds when the window ends (rounded up, so never early).
    pub reset: u64,
}

#[derive(Debug, Clone, Copy)]
struct BucketState {
    limit: u32,
    window: Duration,
    window_start: Option<SystemTime>,
    used: u32,
}

impl BucketState {
    fn new(limit: u32) -> BucketState {
        BucketState {
            limit,
            window: Duration::from_secs(60),
            window_start: None,
            used: 0,
        }
    }

    /// Ends the window when its time is up.
    fn roll(&mut self, now: SystemTime) {
        if let Some(start) = self.window_start
            && now >= start + self.window
        {
            self.window_start = None;
            self.used = 0;
        }
    }

    fn state(&self, now: SystemTime) -> RateState {
        let end = self.window_start.unwrap_or(now) + self.window;
        let since_epoch = end.duration_since(UNIX_EPOCH).unwrap_or_default();
        let reset = since_epoch.as_secs() + u64::from(since_epoch.subsec_nanos() > 0);
        RateState {
            limit: self.limit,
            remaining: self.limit.saturating_sub(self.used),
            reset,
        }
    }
}

/// All four buckets. Defaults: 600 / 150 / 150 / 60 per 60 s window.
#[derive(Debug, Clone)]
pub(crate) struct RateLimiter {
    buckets: [BucketState; 4],
}

impl Default for RateLimiter {
    fn default() -> Self {
        RateLimiter {
            buckets: [
                BucketState::new(600),
                BucketState::new(150),
                BucketState::new(150),
                BucketState::new(60),
            ],
        }
    }
}

impl RateLimiter {
    /// Changes a bucket's limit and window; its current window restarts.
    pub fn configure(&mut self, bucket: Bucket, limit: u32, window: Duration) {
        let b = &mut self.buckets[bucket.index()];
        b.limit = limit;
        b.window = window.max(Duration::from_millis(1));
        b.window_start = None;
        b.used = 0;
    }

    /// Counts one request; `Err` (with the state to report) when the bucket is empty.
    pub fn take(&mut self, bucket: Bucket) -> Result<RateState, RateState> {
        let now = SystemTime::now();
        let b = &mut self.buckets[bucket.index()];
        b.roll(now);
        if b.used >= b.limit {
            return Err(b.state(now));
        }
        if b.window_start.is_none() {
            b.window_start = Some(now);
        }
        b.used += 1;
        Ok(b.state(now))
    }

    /// The state without counting a request.
    pub fn peek(&mut self, bucket: Bucket) -> RateState {
        let now = SystemTime::now();
        let b = &mut self.buckets[bucket.index()];
        b.roll(now);
        b.state(now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify() {
        assert_eq!(Bucket::classify("GET", "/api/v2/issues"), Bucket::Search);
        assert_eq!(
            Bucket::classify("GET", "/api/v2/issues/count"),
            Bucket::Search
        );
        assert_eq!(
            Bucket::classify("GET", "/api/v2/issues/WEB-1"),
            Bucket::Read
        );
        assert_eq!(Bucket::classify("POST", "/api/v2/issues"), Bucket::Update);
        assert_eq!(
            Bucket::classify("GET", "/api/v2/users/1/icon"),
            Bucket::Icon
        );
    }

    #[test]
    fn window_and_limit() {
        let mut r = RateLimiter::default();
        r.configure(Bucket::Read, 2, Duration::from_millis(200));
        assert_eq!(r.take(Bucket::Read).unwrap().remaining, 1);
        assert_eq!(r.take(Bucket::Read).unwrap().remaining, 0);
        let refused = r.take(Bucket::Read).unwrap_err();
        assert_eq!(refused.remaining, 0);
        std::thread::sleep(Duration::from_millis(250));
        assert_eq!(r.take(Bucket::Read).unwrap().remaining, 1);
    }
}
