//! Rate limits: each call recovers as soon as Backlog allows. The fake Backlog
//! announces its usual 60-second windows; scripted 429s announce much sooner
//! resets (in `X-RateLimit-Reset` or `Retry-After`), mixed with 5xx answers. Every
//! call must finish after the reset it was given and within a few seconds of it,
//! never waiting out the whole window.

use crate::support::{Running, SECRET_KEY, ServerEnv, start, structured};
use chrono::{DateTime, Utc};
use fake_backlog::seed::{ADMIN, SATO, SMITH, SUZUKI};
use fake_backlog::{FakeBacklog, Fault, Model, ScriptedFault};
use serde_json::{Value, json};
use std::time::Duration;

/// Generous: the expected overshoot is the 250 ms reset margin and a few
/// backoffs of at most 50 ms, on a loaded machine.
const SLACK: Duration = Duration::from_secs(4);

fn too_many(reset_in_seconds: i64) -> (Fault, DateTime<Utc>) {
    let reset = DateTime::from_timestamp(Utc::now().timestamp() + reset_in_seconds, 0).unwrap();
    let fault = Fault::backlog_error(429, 13, "Too many requests.")
        .with_header("X-RateLimit-Limit", "150")
        .with_header("X-RateLimit-Remaining", "0")
        .with_header("X-RateLimit-Reset", &reset.timestamp().to_string());
    (fault, reset)
}

/// Calls a tool and checks it succeeded after `reset` and within [`SLACK`] of it.
async fn call_recovering_by(
    server: &Running,
    tool: &str,
    arguments: Value,
    reset: DateTime<Utc>,
) -> serde_json::Map<String, Value> {
    let result = server.call(tool, arguments).await;
    let finished = Utc::now();
    let answer = structured(&result);
    assert!(
        finished >= reset,
        "{tool} finished at {finished}, before the reset at {reset}: it did not wait"
    );
    let late = (finished - reset).to_std().unwrap_or_default();
    assert!(
        late <= SLACK,
        "{tool} finished {late:?} after the reset it was given; the window was 60 s"
    );
    answer
}

#[tokio::test]
async fn calls_finish_within_seconds_of_the_announced_resets_through_429s_and_5xx() {
    let backlog = FakeBacklog::start(Model::generated(1, 300).with_api_key(SECRET_KEY)).await;
    let env = ServerEnv::space(&backlog.base_url(), SECRET_KEY)
        .var("BACKLOG_RETRY_BASE_MS", "10")
        .var("BACKLOG_RETRY_MAX_MS", "50")
        // Longer than the fake's 60-second windows: waiting one out would be
        // slow, not refused, and the time assertions would catch it.
        .var("BACKLOG_RATE_LIMIT_MAX_WAIT_SECS", "90");
    let server = start(env).await;
    let faults = backlog.faults();
    let issues = || ScriptedFault::new("GET", "/api/v2/issues", Fault::empty(503)).exact();

    // Ordinary answers announce the search bucket's 60-second window.
    let counted = structured(&server.call("count_issues", json!({})).await);
    assert_eq!(counted["count"], 300);

    // A 429 whose reset is two seconds away, then a 503.
    let (fault, reset) = too_many(2);
    faults.script(ScriptedFault::new("GET", "/api/v2/issues", fault).exact());
    faults.script(issues());
    let listed = call_recovering_by(&server, "get_issues", json!({"count": 20}), reset).await;
    assert_eq!(listed["issues"].as_array().unwrap().len(), 20);

    // A 502 page, then a 429 whose Retry-After (one second) is sooner than the
    // window its X-RateLimit-Reset announces.
    faults.script(
        ScriptedFault::new(
            "GET",
            "/api/v2/issues/count",
            Fault::html(502, "<html>Bad Gateway</html>"),
        )
        .exact(),
    );
    let (fault, _) = too_many(60);
    faults.script(
        ScriptedFault::new(
            "GET",
            "/api/v2/issues/count",
            fault.with_header("Retry-After", "1"),
        )
        .exact(),
    );
    let reset = Utc::now() + chrono::Duration::seconds(1);
    call_recovering_by(&server, "count_issues", json!({}), reset).await;

    // A scan of three pages at once: one page refused with a reset a second or
    // two away, another failing with a 500.
    let (fault, reset) = too_many(2);
    faults.script(
        ScriptedFault::new("GET", "/api/v2/issues", fault)
            .exact()
            .after(1),
    );
    faults.script(
        ScriptedFault::new(
            "GET",
            "/api/v2/issues",
            Fault::backlog_error(500, 1, "Internal error."),
        )
        .exact(),
    );
    let everyone =
        json!({"assignee_ids": [SATO, SUZUKI, SMITH, ADMIN], "status_ids": [1, 2, 3, 4]});
    let scanned = call_recovering_by(&server, "get_user_issue_list", everyone, reset).await;
    assert_eq!(scanned["total"], 240);

    // A write refused with a 429 is retried after its reset, once.
    let (fault, reset) = too_many(2);
    faults.script(ScriptedFault::new("PATCH", "/api/v2/issues/", fault));
    let updated = call_recovering_by(
        &server,
        "update_issue",
        json!({"issueKey": "GEN1-1", "summary": "renamed after a 429"}),
        reset,
    )
    .await;
    assert_eq!(updated["issue"]["summary"], "renamed after a 429");
    assert_eq!(backlog.request_count("PATCH", "/api/v2/issues/"), 2);

    assert_eq!(faults.pending(), 0, "every scripted fault was met");
    assert!(!server.stop().await.contains(SECRET_KEY));
}
