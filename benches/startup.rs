//! Start-up cost of the server, in demo mode and in Backlog mode against a local
//! fake Backlog over http: time from spawn to the answer to `initialize`, peak RSS
//! after `tools/list` and four tool calls; in Backlog mode against an https
//! address, the peak RSS once the first request has loaded the system's
//! certificates; and the binary's size.
//! Run with `cargo bench --bench startup`; results go to stdout. Set
//! `BACKLOG_MCP_BIN=target/release/backlog-mcp` (after `cargo build --release`)
//! to measure the binary users run rather than the one `cargo bench` builds.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::indexing_slicing,
    clippy::cast_precision_loss
)]

use fake_backlog::{FakeBacklog, Model};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_backlog-mcp");

/// The binary measured: `BACKLOG_MCP_BIN` (e.g. `target/release/backlog-mcp`
/// from `cargo build --release`, the one users run), else the one `cargo bench`
/// built, which carries the dev-dependencies' crate features.
fn binary() -> String {
    std::env::var("BACKLOG_MCP_BIN").unwrap_or_else(|_| BINARY.to_owned())
}
const RUNS: usize = 30;

const INITIALIZE: &str = r#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}"#;
const INITIALIZED: &str = r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#;

/// Four calls in demo mode (the in-memory demo space's ids).
const DEMO_CALLS: [&str; 5] = [
    r#"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#,
    r#"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_user_issue_list","arguments":{}}}"#,
    r#"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"get_issue_details","arguments":{"issue_key":"WEB-5","timezone":"Asia/Tokyo"}}}"#,
    r#"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"get_user_issue_list","arguments":{"assignee_ids":[1002,1003,1004,1005],"status_ids":[1,2,3,4]}}}"#,
    r#"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"get_issue_details","arguments":{"issue_key":"OPS-1"}}}"#,
];

/// The same four calls in Backlog mode (the fake Backlog's demo space's ids).
const SPACE_CALLS: [&str; 5] = [
    r#"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#,
    r#"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_user_issue_list","arguments":{}}}"#,
    r#"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"get_issue_details","arguments":{"issue_key":"WEB-5","timezone":"Asia/Tokyo"}}}"#,
    r#"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"get_user_issue_list","arguments":{"assignee_ids":[1073800001,1073800012,1073800013,1073800014],"status_ids":[1,2,3,4]}}}"#,
    r#"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"get_issue_details","arguments":{"issue_key":"APP-1"}}}"#,
];

/// One request that makes an https space build its HTTP client (and fail to
/// connect, quickly: nothing listens there).
const FIRST_REQUEST: [&str; 2] = [
    r#"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#,
    r#"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_myself","arguments":{}}}"#,
];

/// How the server is configured: its environment (empty: demo mode).
type Mode<'a> = &'a [(&'a str, &'a str)];

fn spawn(mode: Mode) -> std::process::Child {
    Command::new(binary())
        .env_clear()
        .envs(mode.iter().copied())
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Spawn → first line of the initialize answer.
fn time_to_initialize(mode: Mode) -> Duration {
    let start = Instant::now();
    let mut child = spawn(mode);
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    writeln!(stdin, "{INITIALIZE}").unwrap();
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let elapsed = start.elapsed();
    assert!(line.contains("backlog-mcp"), "unexpected answer: {line}");
    drop(stdin);
    child.wait().unwrap();
    elapsed
}

/// Peak resident memory (VmHWM) after initialize and `requests`.
fn peak_rss_kib_after(mode: Mode, requests: &[&str]) -> u64 {
    let mut child = spawn(mode);
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    writeln!(stdin, "{INITIALIZE}").unwrap();
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    writeln!(stdin, "{INITIALIZED}").unwrap();
    for request in requests {
        writeln!(stdin, "{request}").unwrap();
        line.clear();
        stdout.read_line(&mut line).unwrap();
        assert!(line.contains("\"result\""), "unexpected answer: {line}");
    }
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap();
    drop(stdin);
    child.wait().unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

fn report_initialize(label: &str, mode: Mode) {
    // Warm the page cache once.
    time_to_initialize(mode);
    let mut times: Vec<Duration> = (0..RUNS).map(|_| time_to_initialize(mode)).collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "  {label}: spawn -> initialize answer: min {:.1} ms, p50 {:.1} ms, p90 {:.1} ms, max {:.1} ms",
        ms(times[0]),
        ms(times[RUNS / 2]),
        ms(times[RUNS * 9 / 10]),
        ms(times[RUNS - 1])
    );
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

fn main() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let backlog = runtime.block_on(FakeBacklog::start(Model::demo()));
    let base_url = backlog.base_url();
    let demo: Mode = &[];
    let space: Mode = &[
        ("BACKLOG_BASE_URL", &base_url),
        ("BACKLOG_API_KEY", backlog.api_key()),
    ];
    // Nothing listens on port 9 of the loopback: the call fails at once, after
    // the client (and the certificate store) was set up.
    let https: Mode = &[
        ("BACKLOG_BASE_URL", "https://127.0.0.1:9"),
        ("BACKLOG_API_KEY", backlog.api_key()),
        ("BACKLOG_RETRY_ATTEMPTS", "1"),
    ];

    println!("backlog-mcp startup ({RUNS} runs each): {}", binary());
    report_initialize("demo mode            ", demo);
    report_initialize("Backlog mode (http)  ", space);
    println!(
        "  peak RSS after tools/list and 4 calls: demo {:.1} MiB, Backlog over http {:.1} MiB",
        mib(peak_rss_kib_after(demo, &DEMO_CALLS)),
        mib(peak_rss_kib_after(space, &SPACE_CALLS)),
    );
    println!(
        "  peak RSS, Backlog over https after the first request (certificates loaded): {:.1} MiB",
        mib(peak_rss_kib_after(https, &FIRST_REQUEST)),
    );
    let size = std::fs::metadata(binary()).unwrap().len();
    println!(
        "  binary size: {:.1} MiB ({size} bytes)",
        size as f64 / 1_048_576.0
    );
}
