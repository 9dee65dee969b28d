//! Memory when a client pipelines tool calls without reading the answers.
//!
//! N `get_issues` calls (count 100: the demo's 50 issues, a 31 KB answer each)
//! are written from a thread while nothing reads stdout. Once the server has
//! gone quiet (its peak RSS and the writer's progress unchanged for a second:
//! it stopped reading stdin, or it took everything in), the peak RSS is
//! sampled; then every answer is read and the peak sampled again. A second
//! run has a client that reads while it writes, for the time per call.
//!
//! Run with `cargo bench --bench pipelined`; results go to stdout. Set
//! `BACKLOG_MCP_BIN=/path/to/backlog-mcp` to measure another build, and
//! `PIPELINED_CALLS=4000,8000` to choose the counts.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::indexing_slicing,
    clippy::cast_precision_loss
)]

mod support;

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use support::{BINARY, peak_rss_kib};

const INITIALIZE: &str = r#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}"#;
const INITIALIZED: &str = r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#;

struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: BufReader<ChildStdout>,
}

impl Server {
    fn start(binary: &str) -> Self {
        let mut child = Command::new(binary)
            .env_clear()
            .current_dir(std::env::temp_dir())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        let mut stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        writeln!(stdin, "{INITIALIZE}").unwrap();
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        assert!(line.contains(r#""id":0"#), "initialize answered: {line}");
        writeln!(stdin, "{INITIALIZED}").unwrap();
        Self {
            child,
            stdin: Some(stdin),
            stdout,
        }
    }

    /// Writes `calls` requests (ids 1..=calls) from a thread; the counter
    /// says how many are written so far.
    fn pipeline(&mut self, calls: usize) -> (JoinHandle<()>, Arc<AtomicUsize>) {
        let mut stdin = BufWriter::new(self.stdin.take().unwrap());
        let written = Arc::new(AtomicUsize::new(0));
        let progress = written.clone();
        let writer = std::thread::spawn(move || {
            for id in 1..=calls {
                let line = json!({"jsonrpc": "2.0", "id": id, "method": "tools/call",
                    "params": {"name": "get_issues", "arguments": {"count": 100}}});
                writeln!(stdin, "{line}").unwrap();
                progress.store(id, Ordering::Relaxed);
            }
            stdin.flush().unwrap();
            // Keep stdin open until the answers are read: closing it would
            // end the session.
            std::thread::park();
        });
        (writer, written)
    }

    /// Reads until every id in 1..=calls is answered; panics on a line that
    /// is not JSON-RPC or an id answered twice.
    fn read_answers(&mut self, calls: usize) {
        let mut answered = vec![false; calls + 1];
        let mut remaining = calls;
        let mut line = String::new();
        while remaining > 0 {
            line.clear();
            assert!(
                self.stdout.read_line(&mut line).unwrap() > 0,
                "stdout closed"
            );
            let answer: Value = serde_json::from_str(&line).expect("JSON-RPC on stdout");
            let id = answer["id"].as_u64().expect("an answer with an id") as usize;
            assert!(answer["result"]["isError"] != json!(true), "{line}");
            assert!(!answered[id], "id {id} answered twice");
            answered[id] = true;
            remaining -= 1;
        }
    }

    fn peak_kib(&self) -> u64 {
        peak_rss_kib(self.child.id())
    }

    fn stop(mut self, writer: JoinHandle<()>) {
        writer.thread().unpark();
        writer.join().unwrap();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Unread {
    /// Requests written when the server went quiet.
    written_when_quiet: usize,
    quiet_peak_kib: u64,
    final_peak_kib: u64,
}

/// Nothing read until the server goes quiet, then everything.
fn unread(binary: &str, calls: usize) -> Unread {
    let mut server = Server::start(binary);
    let (writer, written) = server.pipeline(calls);
    let mut last = (0, 0);
    let mut unchanged = 0;
    while unchanged < 10 {
        std::thread::sleep(Duration::from_millis(100));
        let now = (server.peak_kib(), written.load(Ordering::Relaxed));
        if now == last {
            unchanged += 1;
        } else {
            unchanged = 0;
            last = now;
        }
    }
    let quiet_peak_kib = server.peak_kib();
    let written_when_quiet = written.load(Ordering::Relaxed);
    server.read_answers(calls);
    let final_peak_kib = server.peak_kib();
    server.stop(writer);
    Unread {
        written_when_quiet,
        quiet_peak_kib,
        final_peak_kib,
    }
}

/// A client that reads while it writes: wall time for all the calls.
fn read_along(binary: &str, calls: usize) -> (Duration, u64) {
    let mut server = Server::start(binary);
    let started = Instant::now();
    let (writer, _) = server.pipeline(calls);
    server.read_answers(calls);
    let elapsed = started.elapsed();
    let peak = server.peak_kib();
    server.stop(writer);
    (elapsed, peak)
}

fn main() {
    let binary = std::env::var("BACKLOG_MCP_BIN").unwrap_or_else(|_| BINARY.to_owned());
    let counts: Vec<usize> = std::env::var("PIPELINED_CALLS")
        .unwrap_or_else(|_| "4000,8000".to_owned())
        .split(',')
        .map(|n| n.trim().parse().expect("PIPELINED_CALLS: numbers"))
        .collect();
    let mib = |kib: u64| kib as f64 / 1024.0;
    println!("pipelined get_issues calls (count 100, 31 KB answers), demo mode: {binary}");
    for &calls in &counts {
        let run = unread(&binary, calls);
        println!(
            "  {calls} calls, stdout unread: server went quiet with {} of {calls} written, \
             peak RSS {:.1} MiB; after reading every answer {:.1} MiB",
            run.written_when_quiet,
            mib(run.quiet_peak_kib),
            mib(run.final_peak_kib)
        );
    }
    for &calls in &counts {
        let (elapsed, peak) = read_along(&binary, calls);
        println!(
            "  {calls} calls, read while written: {:.2} s ({:.0} µs per call), peak RSS {:.1} MiB",
            elapsed.as_secs_f64(),
            elapsed.as_secs_f64() * 1e6 / calls as f64,
            mib(peak)
        );
    }
}
