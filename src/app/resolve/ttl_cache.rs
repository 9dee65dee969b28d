//! A small cache whose entries expire after a fixed time.

use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

pub struct TtlCache<K, V> {
    ttl: Duration,
    entries: Mutex<HashMap<K, (Instant, V)>>,
}

impl<K: Hash + Eq + Clone, V: Clone> TtlCache<K, V> {
    pub fn new(ttl: Duration) -> Self {
        Self {
            ttl,
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// The cached value, or the loaded one (cached when loading succeeds).
    /// Two concurrent misses may both load; the later one wins.
    pub async fn get_or_load<E, F, Fut>(&self, key: K, load: F) -> Result<V, E>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<V, E>>,
    {
        if let Some(value) = self.fresh(&key) {
            return Ok(value);
        }
        let value = load().await?;
        self.lock().insert(key, (Instant::now(), value.clone()));
        Ok(value)
    }

    pub fn invalidate(&self, key: &K) {
        self.lock().remove(key);
    }

    fn fresh(&self, key: &K) -> Option<V> {
        let entries = self.lock();
        let (stored, value) = entries.get(key)?;
        (stored.elapsed() < self.ttl).then(|| value.clone())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<K, (Instant, V)>> {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    #[tokio::test]
    async fn values_are_reused_until_they_expire_or_are_invalidated() {
        let loads = AtomicU32::new(0);
        let load = || async { Ok::<_, ()>(loads.fetch_add(1, Ordering::SeqCst)) };
        let cache = TtlCache::new(Duration::from_secs(60));
        assert_eq!(cache.get_or_load("k", load).await, Ok(0));
        assert_eq!(cache.get_or_load("k", load).await, Ok(0));
        cache.invalidate(&"k");
        assert_eq!(cache.get_or_load("k", load).await, Ok(1));

        let expired = TtlCache::new(Duration::ZERO);
        assert_eq!(expired.get_or_load("k", load).await, Ok(2));
        assert_eq!(expired.get_or_load("k", load).await, Ok(3));
    }

    #[tokio::test]
    async fn failures_are_not_cached() {
        let cache: TtlCache<&str, u32> = TtlCache::new(Duration::from_secs(60));
        assert_eq!(
            cache
                .get_or_load("k", || async { Err::<u32, _>("down") })
                .await,
            Err("down")
        );
        assert_eq!(
            cache.get_or_load("k", || async { Ok::<_, &str>(7) }).await,
            Ok(7)
        );
    }
}
