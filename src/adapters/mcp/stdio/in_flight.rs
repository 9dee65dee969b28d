//! The client's requests in flight: handed to rmcp, their answer not yet
//! written to stdout. rmcp reads as fast as it can and spawns a task per
//! request, buffering every answer a slow reader has not taken, so its own
//! queues do not bound memory. The line guard does: it admits each request
//! here before rmcp sees it, waits (and so stops reading stdin) while
//! [`MAX_IN_FLIGHT`] are in flight, and releases a request once its answer is
//! written. Ids are rmcp's [`RequestId`]s, so they compare as rmcp compares
//! them: `"1"` and `1` are two ids, `1` and `1.0` one.

use rmcp::model::RequestId;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio_util::sync::CancellationToken;

/// Requests in flight at most. Twice the tool calls that run at once, so a
/// new call can start while earlier answers are still being written; at this
/// bound a client that pipelines thousands of calls without reading costs a
/// few MiB.
pub const MAX_IN_FLIGHT: usize = 32;

pub struct InFlight {
    slots: Arc<Semaphore>,
    requests: Mutex<HashMap<RequestId, Pending>>,
    closed: CancellationToken,
}

struct Pending {
    /// Cancelled when the client cancels the request.
    cancellation: CancellationToken,
    slot: OwnedSemaphorePermit,
}

pub enum Admission {
    Admitted,
    /// A request with this id is still running.
    Duplicate,
    /// rmcp is gone; nothing more will be answered.
    Closed,
}

/// A request taken off the books as its answer goes out; the slot stays taken
/// until this is dropped, after the answer is written.
pub struct Answered {
    cancelled: bool,
    _slot: OwnedSemaphorePermit,
}

impl Answered {
    /// The client cancelled the request: it expects no answer (MCP says a
    /// cancelled request is not answered).
    pub fn was_cancelled(&self) -> bool {
        self.cancelled
    }
}

impl InFlight {
    pub fn new(limit: usize) -> Self {
        Self {
            slots: Arc::new(Semaphore::new(limit)),
            requests: Mutex::new(HashMap::new()),
            closed: CancellationToken::new(),
        }
    }

    /// Refuses at once an id that is still in flight; otherwise waits for a
    /// free slot and records the request.
    pub async fn admit(&self, id: RequestId) -> Admission {
        if self.requests().contains_key(&id) {
            return Admission::Duplicate;
        }
        let Ok(slot) = self.slots.clone().acquire_owned().await else {
            return Admission::Closed;
        };
        self.requests().insert(
            id,
            Pending {
                cancellation: CancellationToken::new(),
                slot,
            },
        );
        Admission::Admitted
    }

    /// The client cancelled `id`: its handler is told to stop and its answer
    /// will be dropped. An id not in flight (already answered, or never sent)
    /// is ignored, as MCP asks.
    pub fn cancel(&self, id: &RequestId) {
        if let Some(pending) = self.requests().get(id) {
            pending.cancellation.cancel();
        }
    }

    /// What the handler of `id` watches for the client's cancellation.
    pub fn cancellation(&self, id: &RequestId) -> CancellationToken {
        self.requests()
            .get(id)
            .map_or_else(CancellationToken::new, |pending| {
                pending.cancellation.clone()
            })
    }

    /// The answer to `id` is about to be written. `None` for an id not in
    /// flight.
    pub fn answer(&self, id: &RequestId) -> Option<Answered> {
        self.requests().remove(id).map(|pending| Answered {
            cancelled: pending.cancellation.is_cancelled(),
            _slot: pending.slot,
        })
    }

    /// rmcp has stopped: a request waiting for a slot will never get one, and
    /// nothing more should be read.
    pub fn close(&self) {
        self.slots.close();
        self.closed.cancel();
    }

    /// Resolves once [`close`](Self::close) has been called.
    pub async fn closed(&self) {
        self.closed.cancelled().await;
    }

    #[cfg(test)]
    pub fn count(&self) -> usize {
        self.requests().len()
    }

    fn requests(&self) -> MutexGuard<'_, HashMap<RequestId, Pending>> {
        // The map is consistent after every operation, so a panic elsewhere
        // while it was locked leaves nothing half-done.
        self.requests.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn number(n: i64) -> RequestId {
        RequestId::Number(n)
    }

    fn string(s: &str) -> RequestId {
        RequestId::String(s.into())
    }

    async fn admitted(in_flight: &InFlight, id: RequestId) -> bool {
        matches!(in_flight.admit(id).await, Admission::Admitted)
    }

    #[tokio::test]
    async fn an_id_in_flight_is_a_duplicate_until_answered() {
        let in_flight = InFlight::new(4);
        assert!(admitted(&in_flight, number(1)).await);
        assert!(matches!(
            in_flight.admit(number(1)).await,
            Admission::Duplicate
        ));
        // The string "1" is another id.
        assert!(admitted(&in_flight, string("1")).await);
        assert_eq!(in_flight.count(), 2);
        let answered = in_flight.answer(&number(1)).unwrap();
        assert!(!answered.was_cancelled());
        assert!(in_flight.answer(&number(1)).is_none(), "answered once");
        assert!(admitted(&in_flight, number(1)).await, "free again");
    }

    #[tokio::test]
    async fn admission_waits_for_a_slot_until_an_answer_is_written() {
        let in_flight = InFlight::new(2);
        assert!(admitted(&in_flight, number(1)).await);
        assert!(admitted(&in_flight, number(2)).await);
        let third = in_flight.admit(number(3));
        tokio::pin!(third);
        assert!(
            tokio::time::timeout(Duration::from_millis(50), &mut third)
                .await
                .is_err(),
            "no slot while two are in flight"
        );
        // Taken off the books, but its answer not yet written: still no slot.
        let answered = in_flight.answer(&number(1)).unwrap();
        assert!(
            tokio::time::timeout(Duration::from_millis(50), &mut third)
                .await
                .is_err(),
            "the slot is held until the answer is written"
        );
        drop(answered);
        assert!(matches!(third.await, Admission::Admitted));
        assert_eq!(in_flight.count(), 2);
    }

    #[tokio::test]
    async fn a_cancelled_request_says_so_when_answered() {
        let in_flight = InFlight::new(2);
        assert!(admitted(&in_flight, number(7)).await);
        let token = in_flight.cancellation(&number(7));
        in_flight.cancel(&number(8));
        assert!(!token.is_cancelled(), "another id's cancellation");
        in_flight.cancel(&number(7));
        assert!(token.is_cancelled());
        assert!(in_flight.answer(&number(7)).unwrap().was_cancelled());
    }

    #[tokio::test]
    async fn closing_ends_the_wait_for_a_slot() {
        let in_flight = Arc::new(InFlight::new(1));
        assert!(admitted(&in_flight, number(1)).await);
        let waiting = tokio::spawn({
            let in_flight = in_flight.clone();
            async move { in_flight.admit(number(2)).await }
        });
        tokio::task::yield_now().await;
        in_flight.close();
        assert!(matches!(waiting.await.unwrap(), Admission::Closed));
    }
}
