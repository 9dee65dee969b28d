//! Shared by the benchmarks: a blocking JSON-lines MCP client for the built
//! server, and statistics.
#![allow(dead_code)]

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

pub const BINARY: &str = env!("CARGO_BIN_EXE_backlog-mcp");

/// A server process spoken to in JSON lines, already initialized.
pub struct StdioServer {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    next_id: u64,
}

impl StdioServer {
    /// Spawns `program args` with exactly `env` (nothing inherited but PATH and HOME).
    pub fn spawn(program: &str, args: &[&str], env: &[(&str, &str)]) -> Self {
        let mut command = Command::new(program);
        command
            .args(args)
            .env_clear()
            .current_dir(std::env::temp_dir())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        for name in ["PATH", "HOME"] {
            if let Ok(value) = std::env::var(name) {
                command.env(name, value);
            }
        }
        command.envs(env.iter().copied());
        let mut child = command.spawn().expect("the server starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = BufReader::new(child.stdout.take().expect("stdout"));
        let mut server = Self {
            child,
            stdin,
            stdout,
            next_id: 1,
        };
        server.request(
            "initialize",
            json!({"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}),
        );
        server.notify("notifications/initialized");
        server
    }

    /// Our server: `BACKLOG_MCP_BIN` when set (e.g. the `cargo build --release`
    /// binary users run), else the one `cargo bench` built.
    pub fn ours(env: &[(&str, &str)]) -> Self {
        let binary = std::env::var("BACKLOG_MCP_BIN").unwrap_or_else(|_| BINARY.to_owned());
        Self::spawn(&binary, &[], env)
    }

    fn notify(&mut self, method: &str) {
        writeln!(
            self.stdin,
            "{}",
            json!({"jsonrpc": "2.0", "method": method})
        )
        .expect("write");
    }

    /// Sends a request and waits for its answer; returns the answer, its size in
    /// bytes and the time it took.
    pub fn request(&mut self, method: &str, params: Value) -> (Value, usize, Duration) {
        let id = self.next_id;
        self.next_id += 1;
        let line = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        let started = Instant::now();
        writeln!(self.stdin, "{line}").expect("write");
        self.stdin.flush().expect("flush");
        let mut buffer = String::new();
        loop {
            buffer.clear();
            let read = self.stdout.read_line(&mut buffer).expect("read");
            assert!(read > 0, "the server closed stdout");
            let answer: Value = serde_json::from_str(&buffer).expect("JSON-RPC on stdout");
            if answer["id"] == json!(id) {
                return (answer, buffer.trim_end().len(), started.elapsed());
            }
        }
    }

    pub fn call(&mut self, tool: &str, arguments: Value) -> (Value, usize, Duration) {
        let (answer, bytes, elapsed) =
            self.request("tools/call", json!({"name": tool, "arguments": arguments}));
        assert!(
            answer["result"]["isError"] != json!(true),
            "{tool} failed: {}",
            answer["result"]["content"][0]["text"]
        );
        (answer, bytes, elapsed)
    }

    /// Peak resident memory of the process, KiB.
    pub fn peak_rss_kib(&self) -> u64 {
        peak_rss_kib(self.child.id())
    }
}

impl Drop for StdioServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn peak_rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// Sorted samples with percentiles.
pub struct Samples(Vec<Duration>);

impl Samples {
    pub fn new(mut samples: Vec<Duration>) -> Self {
        samples.sort();
        Self(samples)
    }

    pub fn percentile(&self, p: usize) -> Duration {
        let index = (self.0.len().saturating_sub(1) * p) / 100;
        self.0.get(index).copied().unwrap_or_default()
    }

    pub fn summary_ms(&self) -> String {
        format!(
            "p50 {:.2} ms, p90 {:.2} ms, min {:.2} ms, max {:.2} ms ({} runs)",
            ms(self.percentile(50)),
            ms(self.percentile(90)),
            ms(self.percentile(0)),
            ms(self.percentile(100)),
            self.0.len()
        )
    }
}

pub fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
