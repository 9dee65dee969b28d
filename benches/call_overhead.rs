//! Per-call overhead of `get_issue_details` against a zero-latency local fake
//! Backlog: the whole MCP call over stdio, against the HTTP round trips it makes
//! when done directly. Run with `cargo bench --bench call_overhead`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::indexing_slicing,
    clippy::cast_precision_loss
)]

mod support;

use fake_backlog::{Bucket, FakeBacklog, Model};
use serde_json::json;
use std::time::{Duration, Instant};
use support::{Samples, StdioServer, ms};

const RUNS: usize = 500;

fn main() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let backlog = runtime.block_on(FakeBacklog::start(Model::generated(1, 200)));
    // Measure overhead, not Backlog's per-minute budget.
    for bucket in [Bucket::Read, Bucket::Search] {
        backlog
            .faults()
            .set_rate_limit(bucket, 1_000_000, Duration::from_secs(60));
    }
    let key = "GEN1-1";

    // Direct: the same two requests the tool makes (issue and comments, concurrently).
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::new();
    let base = backlog.base_url();
    let direct: Vec<Duration> = (0..RUNS)
        .map(|_| {
            runtime.block_on(async {
                let started = Instant::now();
                let issue = http
                    .get(format!("{base}/api/v2/issues/{key}"))
                    .header("Backlog-API-Key", backlog.api_key())
                    .send();
                let comments = http
                    .get(format!(
                        "{base}/api/v2/issues/{key}/comments?count=100&order=asc"
                    ))
                    .header("Backlog-API-Key", backlog.api_key())
                    .send();
                let (issue, comments) = tokio::join!(issue, comments);
                issue.unwrap().bytes().await.unwrap();
                comments.unwrap().bytes().await.unwrap();
                started.elapsed()
            })
        })
        .collect();
    let direct = Samples::new(direct);

    let mut server = StdioServer::ours(&[
        ("BACKLOG_BASE_URL", &base),
        ("BACKLOG_API_KEY", backlog.api_key()),
    ]);
    for _ in 0..50 {
        server.call("get_issue_details", json!({"issue_key": key}));
    }
    let through_mcp = Samples::new(
        (0..RUNS)
            .map(|_| {
                server
                    .call("get_issue_details", json!({"issue_key": key}))
                    .2
            })
            .collect(),
    );
    println!("get_issue_details against a zero-latency local Backlog");
    println!("  direct HTTP (2 requests): {}", direct.summary_ms());
    println!("  MCP call over stdio:      {}", through_mcp.summary_ms());
    println!(
        "  overhead beyond the HTTP round trip: p50 {:.2} ms",
        ms(through_mcp.percentile(50)) - ms(direct.percentile(50))
    );
}
