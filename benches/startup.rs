//! Start-up cost of the server in demo mode: time from spawn to the answer to
//! `initialize`, peak RSS after a few tool calls, and the binary's size.
//! Run with `cargo bench --bench startup`; results go to stdout.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::indexing_slicing,
    clippy::cast_precision_loss
)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_backlog-mcp");
const RUNS: usize = 30;

const INITIALIZE: &str = r#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}"#;
const INITIALIZED: &str = r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#;

fn spawn() -> std::process::Child {
    Command::new(BINARY)
        .env_clear()
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Spawn → first line of the initialize answer.
fn time_to_initialize() -> Duration {
    let start = Instant::now();
    let mut child = spawn();
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

/// Peak resident memory (VmHWM) after initialize, tools/list and a few calls.
fn peak_rss_kib_after_calls() -> u64 {
    let mut child = spawn();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let calls = [
        r#"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#,
        r#"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_user_issue_list","arguments":{}}}"#,
        r#"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"get_issue_details","arguments":{"issue_key":"WEB-5","timezone":"Asia/Tokyo"}}}"#,
        r#"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"get_user_issue_list","arguments":{"assignee_ids":[1002,1003,1004,1005],"status_ids":[1,2,3,4]}}}"#,
        r#"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"get_issue_details","arguments":{"issue_key":"OPS-1"}}}"#,
    ];
    writeln!(stdin, "{INITIALIZE}").unwrap();
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    writeln!(stdin, "{INITIALIZED}").unwrap();
    for call in calls {
        writeln!(stdin, "{call}").unwrap();
        line.clear();
        stdout.read_line(&mut line).unwrap();
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

fn main() {
    // Warm the page cache once.
    time_to_initialize();
    let mut times: Vec<Duration> = (0..RUNS).map(|_| time_to_initialize()).collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let size = std::fs::metadata(BINARY).unwrap().len();
    let rss = peak_rss_kib_after_calls();
    println!("backlog-mcp startup ({RUNS} runs, demo mode, release profile)");
    println!(
        "  spawn -> initialize answer: min {:.1} ms, p50 {:.1} ms, p90 {:.1} ms, max {:.1} ms",
        ms(times[0]),
        ms(times[RUNS / 2]),
        ms(times[RUNS * 9 / 10]),
        ms(times[RUNS - 1])
    );
    println!(
        "  peak RSS after 5 calls:     {:.1} MiB",
        rss as f64 / 1024.0
    );
    println!(
        "  binary size:                {:.1} MiB ({size} bytes; built with the dev-dependencies' \
         crate features, a little larger than `cargo build --release` makes it)",
        size as f64 / 1_048_576.0
    );
}
