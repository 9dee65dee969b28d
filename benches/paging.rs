//! Full retrieval of 5,000 issues from the local fake Backlog with 100 ms of
//! latency per request: concurrent paging against sequential paging, and the
//! 2,000-issues-of-one-project case, and a scan that fits in one page. Run with
//! `cargo bench --bench paging`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::indexing_slicing,
    clippy::cast_precision_loss
)]

mod support;

use fake_backlog::seed::{ADMIN, SATO, SMITH, SUZUKI};
use fake_backlog::{FakeBacklog, Model};
use serde_json::json;
use std::time::Duration;
use support::{StdioServer, ms};

const LATENCY: Duration = Duration::from_millis(100);
const PAGE: u64 = 100;

struct Run {
    seconds: f64,
    requests: u64,
    issues: u64,
}

/// One `get_user_issue_list` call for every issue of the space.
fn retrieve_all(backlog: &FakeBacklog, concurrency: usize) -> Run {
    let mut server = StdioServer::ours(&[
        ("BACKLOG_BASE_URL", &backlog.base_url()),
        ("BACKLOG_API_KEY", backlog.api_key()),
        ("BACKLOG_PAGE_CONCURRENCY", &concurrency.to_string()),
        ("BACKLOG_SCAN_CEILING", "100000"),
    ]);
    backlog.clear_requests();
    let (answer, _, elapsed) = server.call(
        "get_user_issue_list",
        json!({"assignee_ids": [SATO, SUZUKI, SMITH, ADMIN], "status_ids": [1, 2, 3, 4]}),
    );
    Run {
        seconds: elapsed.as_secs_f64(),
        requests: backlog.total_requests(),
        issues: answer["result"]["structuredContent"]["total"]
            .as_u64()
            .unwrap(),
    }
}

fn main() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    // Generated spaces assign four issues in five; 6,250 issues give 5,000 matches.
    let backlog = runtime.block_on(FakeBacklog::start(Model::generated(1, 6250)));
    backlog.faults().set_latency(LATENCY);

    println!(
        "Full retrieval of 5,000 issues, {} ms per request",
        LATENCY.as_millis()
    );
    let pages = 5000_u64.div_ceil(PAGE);
    let sequential = retrieve_all(&backlog, 1);
    let concurrent = retrieve_all(&backlog, 4);
    for (label, run) in [
        ("sequential (1)", &sequential),
        ("concurrent (4)", &concurrent),
    ] {
        println!(
            "  {label:<15} {:>6.2} s, {} issues, {} requests",
            run.seconds, run.issues, run.requests
        );
    }
    let ideal_round_trips = 1 + pages.div_ceil(4);
    let ideal = ideal_round_trips as f64 * LATENCY.as_secs_f64();
    println!(
        "  speed-up {:.1}x; ideal {} round trips = {:.2} s, measured {:.2}x the ideal",
        sequential.seconds / concurrent.seconds,
        ideal_round_trips,
        ideal,
        concurrent.seconds / ideal
    );

    let project = runtime.block_on(FakeBacklog::start(Model::generated(1, 2500)));
    project.faults().set_latency(LATENCY);
    let run = retrieve_all(&project, 4);
    println!(
        "2,000 issues of one project in one call: {:.0} ms, {} requests ({} issues)",
        run.seconds * 1000.0,
        run.requests,
        run.issues
    );

    // Up to a page of matches, the common case: the count and the page together.
    let small = runtime.block_on(FakeBacklog::start(Model::generated(1, 60)));
    small.faults().set_latency(LATENCY);
    let run = retrieve_all(&small, 4);
    println!(
        "{} issues (one page) in one call: {:.0} ms, {} requests",
        run.issues,
        run.seconds * 1000.0,
        run.requests
    );
    let _ = ms;
}
