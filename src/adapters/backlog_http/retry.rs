//! When to try a request again. Reads are retried on server errors, timeouts and
//! broken connections with exponential backoff and full jitter. Writes are
//! retried only when Backlog certainly did not process them: the connection was
//! refused before anything was sent, or Backlog answered 429 (rejected unprocessed).

use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub max_attempts: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
    /// The longest wait for a rate-limit reset; a later reset is reported instead.
    pub max_rate_limit_wait: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 4,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(5),
            max_rate_limit_wait: Duration::from_secs(60),
        }
    }
}

/// How an attempt went, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// HTTP 429: Backlog rejected the request without processing it.
    RateLimited,
    /// HTTP 5xx.
    ServerError,
    /// No connection could be made: nothing was sent.
    ConnectFailed,
    /// Sent, but no (complete) answer: timeout or a broken connection.
    NoAnswer,
}

impl RetryPolicy {
    /// Whether another attempt may follow attempt number `attempt` (1-based).
    pub fn should_retry(&self, attempt: u32, outcome: Outcome, is_write: bool) -> bool {
        let safe = match outcome {
            Outcome::RateLimited | Outcome::ConnectFailed => true,
            Outcome::ServerError | Outcome::NoAnswer => !is_write,
        };
        safe && attempt < self.max_attempts
    }

    /// Full jitter: a random delay between zero and `min(max, base · 2^(attempt-1))`.
    pub fn backoff(&self, attempt: u32) -> Duration {
        let exponent = attempt.saturating_sub(1).min(20);
        let ceiling = self
            .base_delay
            .saturating_mul(1_u32 << exponent)
            .min(self.max_delay);
        let ceiling_ms = u64::try_from(ceiling.as_millis()).unwrap_or(u64::MAX);
        Duration::from_millis(fastrand::u64(0..=ceiling_ms))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_retry_on_every_transient_failure_until_the_attempts_run_out() {
        let policy = RetryPolicy::default();
        for outcome in [
            Outcome::RateLimited,
            Outcome::ServerError,
            Outcome::ConnectFailed,
            Outcome::NoAnswer,
        ] {
            assert!(policy.should_retry(1, outcome, false), "{outcome:?}");
            assert!(policy.should_retry(3, outcome, false), "{outcome:?}");
            assert!(!policy.should_retry(4, outcome, false), "{outcome:?}");
        }
    }

    #[test]
    fn writes_retry_only_when_backlog_never_processed_them() {
        let policy = RetryPolicy::default();
        assert!(policy.should_retry(1, Outcome::RateLimited, true));
        assert!(policy.should_retry(1, Outcome::ConnectFailed, true));
        assert!(!policy.should_retry(1, Outcome::ServerError, true));
        assert!(!policy.should_retry(1, Outcome::NoAnswer, true));
    }

    #[test]
    fn backoff_grows_exponentially_under_the_cap_with_full_jitter() {
        let policy = RetryPolicy::default();
        for _ in 0..200 {
            assert!(policy.backoff(1) <= Duration::from_millis(200));
            assert!(policy.backoff(3) <= Duration::from_millis(800));
            assert!(policy.backoff(30) <= Duration::from_secs(5));
        }
        let spread: std::collections::HashSet<Duration> =
            (0..50).map(|_| policy.backoff(4)).collect();
        assert!(spread.len() > 10, "delays are jittered");
    }
}
