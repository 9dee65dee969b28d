//! A small cache whose entries expire after a fixed time. Concurrent misses
//! of one key share one load, so calls running side by side (a bulk update's
//! issues resolving the same names) ask Backlog once.

use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};
use tokio::sync::OnceCell;

/// One key's value: loading, loaded, or failed (an empty cell, loaded again
/// by the next caller).
struct Entry<V> {
    created: Instant,
    cell: Arc<OnceCell<V>>,
}

pub struct TtlCache<K, V> {
    ttl: Duration,
    entries: Mutex<HashMap<K, Entry<V>>>,
}

impl<K: Hash + Eq + Clone, V: Clone> TtlCache<K, V> {
    pub fn new(ttl: Duration) -> Self {
        Self {
            ttl,
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// The cached value, or the loaded one (cached when loading succeeds).
    /// A caller that finds the key being loaded waits for that load.
    pub async fn get_or_load<E, F, Fut>(&self, key: K, load: F) -> Result<V, E>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<V, E>>,
    {
        let cell = {
            let mut entries = self.lock();
            let usable = entries
                .get(&key)
                .filter(|entry| !entry.cell.initialized() || entry.created.elapsed() < self.ttl);
            match usable {
                Some(entry) => entry.cell.clone(),
                None => {
                    let cell = Arc::new(OnceCell::new());
                    let entry = Entry {
                        created: Instant::now(),
                        cell: cell.clone(),
                    };
                    entries.insert(key, entry);
                    cell
                }
            }
        };
        cell.get_or_try_init(load).await.cloned()
    }

    pub fn invalidate(&self, key: &K) {
        self.lock().remove(key);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<K, Entry<V>>> {
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
    async fn concurrent_misses_share_one_load() {
        let loads = AtomicU32::new(0);
        let cache: TtlCache<&str, u32> = TtlCache::new(Duration::from_secs(60));
        let load = || async {
            tokio::task::yield_now().await;
            Ok::<_, ()>(loads.fetch_add(1, Ordering::SeqCst))
        };
        let (a, b) = tokio::join!(cache.get_or_load("k", load), cache.get_or_load("k", load));
        assert_eq!((a, b), (Ok(0), Ok(0)));
        assert_eq!(loads.load(Ordering::SeqCst), 1);
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
