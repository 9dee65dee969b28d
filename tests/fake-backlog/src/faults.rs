//! Fault injection, scripted at run time through [`FaultHandle`].
//!
//! Order of events for every request: it is recorded, the global latency is waited,
//! then the first scripted fault that matches it (if any) is consumed: a `Status`
//! answers as given (no rate-limit headers, no auth check: it stands for whatever a
//! proxy or a broken server would send), `Drop` closes the connection without an HTTP
//! answer, `Delay` waits and then lets the request through to normal processing
//! (auth, rate limit, routing).

use crate::errors::{JSON_CONTENT_TYPE, error_body};
use crate::new_issue::NewIssue;
use crate::rate_limit::Bucket;
use crate::server::Shared;
use std::sync::Arc;
use std::time::Duration;

/// What to do to one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Answer with exactly this. An empty `content_type` sends no `Content-Type`.
    Status {
        status: u16,
        body: String,
        content_type: String,
        headers: Vec<(String, String)>,
    },
    /// Answer normally, but only after this long (e.g. to exceed a client timeout).
    Delay(Duration),
    /// Read the request, then close the connection without sending anything.
    Drop,
}

impl Fault {
    /// Any status, body and content type.
    pub fn status(status: u16, content_type: &str, body: &str) -> Fault {
        Fault::Status {
            status,
            body: body.to_owned(),
            content_type: content_type.to_owned(),
            headers: Vec::new(),
        }
    }

    /// A Backlog error body: `{"errors":[{"message","code","moreInfo":""}]}`.
    pub fn backlog_error(status: u16, code: i64, message: &str) -> Fault {
        Fault::status(status, JSON_CONTENT_TYPE, &error_body(code, message))
    }

    /// An HTML body, like a gateway error page.
    pub fn html(status: u16, body: &str) -> Fault {
        Fault::status(status, "text/html", body)
    }

    /// No body and no content type (e.g. 204, or 401 with only `WWW-Authenticate`).
    pub fn empty(status: u16) -> Fault {
        Fault::status(status, "", "")
    }

    /// Adds a response header to a `Status` fault (no effect on the other kinds).
    pub fn with_header(mut self, name: &str, value: &str) -> Fault {
        if let Fault::Status { headers, .. } = &mut self {
            headers.push((name.to_owned(), value.to_owned()));
        }
        self
    }
}

/// A fault for the requests matching a method and a path prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptedFault {
    /// `None` matches any method.
    pub method: Option<String>,
    /// Matched against the raw request path (`/api/v2/issues`...).
    pub path: String,
    /// Exact path instead of prefix (`/api/v2/issues` then does not match
    /// `/api/v2/issues/count`).
    pub exact: bool,
    /// Matching requests to let through untouched before this fault applies.
    pub skip: u32,
    pub fault: Fault,
}

impl ScriptedFault {
    /// Matches `method` (case-insensitive) and every path starting with `path_prefix`.
    pub fn new(method: &str, path_prefix: &str, fault: Fault) -> ScriptedFault {
        ScriptedFault {
            method: Some(method.to_owned()),
            path: path_prefix.to_owned(),
            exact: false,
            skip: 0,
            fault,
        }
    }

    /// Matches every request whose path starts with `path_prefix`, whatever the method.
    pub fn any_method(path_prefix: &str, fault: Fault) -> ScriptedFault {
        ScriptedFault {
            method: None,
            ..ScriptedFault::new("", path_prefix, fault)
        }
    }

    /// Only this exact path.
    pub fn exact(mut self) -> ScriptedFault {
        self.exact = true;
        self
    }

    /// Lets `n` matching requests through before applying.
    pub fn after(mut self, n: u32) -> ScriptedFault {
        self.skip = n;
        self
    }

    fn matches(&self, method: &str, path: &str) -> bool {
        self.method
            .as_deref()
            .is_none_or(|m| m.eq_ignore_ascii_case(method))
            && if self.exact {
                path == self.path
            } else {
                path.starts_with(&self.path)
            }
    }
}

#[derive(Debug)]
struct PendingInsert {
    /// Fires once this many list requests have been answered in total.
    at_list_request: u64,
    issues: Vec<NewIssue>,
}

#[derive(Debug, Default)]
pub(crate) struct FaultState {
    latency: Duration,
    script: Vec<ScriptedFault>,
    inserts: Vec<PendingInsert>,
    list_requests: u64,
}

impl FaultState {
    pub fn latency(&self) -> Duration {
        self.latency
    }

    /// The fault for this request, consuming it; `skip` counters tick on the way.
    pub fn take(&mut self, method: &str, path: &str) -> Option<Fault> {
        let index = self.script.iter().position(|r| r.matches(method, path))?;
        let rule = &mut self.script[index];
        if rule.skip > 0 {
            rule.skip -= 1;
            return None;
        }
        Some(self.script.remove(index).fault)
    }

    /// Counts one answered `GET /issues`; returns the issues due for insertion now.
    pub fn list_request_done(&mut self) -> Vec<NewIssue> {
        self.list_requests += 1;
        let done = self.list_requests;
        let (due, pending): (Vec<_>, Vec<_>) = std::mem::take(&mut self.inserts)
            .into_iter()
            .partition(|p| p.at_list_request <= done);
        self.inserts = pending;
        due.into_iter().flat_map(|p| p.issues).collect()
    }
}

/// Scripts faults and rate limits of a running server; clones share the same state.
#[derive(Clone)]
pub struct FaultHandle {
    shared: Arc<Shared>,
}

impl std::fmt::Debug for FaultHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FaultHandle").finish_non_exhaustive()
    }
}

impl FaultHandle {
    pub(crate) fn new(shared: Arc<Shared>) -> FaultHandle {
        FaultHandle { shared }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, FaultState> {
        self.shared.faults()
    }

    /// Waits this long before every answer (0 = off).
    pub fn set_latency(&self, latency: Duration) {
        self.state().latency = latency;
    }

    /// Queues a fault; each is used once, in order, by the first request it matches.
    pub fn script(&self, rule: ScriptedFault) {
        self.state().script.push(rule);
    }

    /// Queues the same fault `times` times (e.g. a server that stays down).
    pub fn script_times(&self, rule: ScriptedFault, times: usize) {
        let mut state = self.state();
        for _ in 0..times {
            state.script.push(rule.clone());
        }
    }

    /// Scripted faults not yet used.
    pub fn pending(&self) -> usize {
        self.state().script.len()
    }

    /// Inserts `issues` into the space right after the `n_requests`-th `GET /issues`
    /// list request answered from now on, so a scan in progress sees the total move.
    pub fn insert_issues_after_list_requests(&self, n_requests: u64, issues: Vec<NewIssue>) {
        let mut state = self.state();
        let at = state.list_requests + n_requests;
        state.inserts.push(PendingInsert {
            at_list_request: at,
            issues,
        });
    }

    /// Sets a bucket's limit and window length (its current window restarts).
    pub fn set_rate_limit(&self, bucket: Bucket, limit: u32, window: Duration) {
        self.shared.limits().configure(bucket, limit, window);
    }
}
