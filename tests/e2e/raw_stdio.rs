//! The stdio channel itself: every line in gets a well-formed answer, stdout
//! carries only JSON-RPC, and the server keeps going whatever comes in.

use crate::support::ServerEnv;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::process::{Child, ChildStdin};
use tokio::sync::mpsc;

/// A server spoken to in raw JSON lines.
pub struct RawSession {
    child: Child,
    stdin: Option<ChildStdin>,
    lines: mpsc::UnboundedReceiver<String>,
    /// Every stdout line received so far.
    pub seen: Vec<String>,
    _env: ServerEnv,
}

impl RawSession {
    pub async fn start(env: ServerEnv) -> Self {
        let mut child = env
            .command()
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().unwrap();
        let (sender, lines) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            let mut reader = BufReader::new(stdout).lines();
            while let Ok(Some(line)) = reader.next_line().await {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        let mut session = Self {
            child,
            stdin,
            lines,
            seen: Vec::new(),
            _env: env,
        };
        session.send(INITIALIZE).await;
        session.answers(1).await;
        session
            .send(r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
            .await;
        session
    }

    pub async fn send(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().unwrap();
        stdin.write_all(line.as_bytes()).await.unwrap();
        stdin.write_all(b"\n").await.unwrap();
        stdin.flush().await.unwrap();
    }

    /// Waits for `count` more stdout lines, each of which must be JSON-RPC.
    pub async fn answers(&mut self, count: usize) -> Vec<Value> {
        let mut answers = Vec::with_capacity(count);
        while answers.len() < count {
            let line = tokio::time::timeout(Duration::from_secs(30), self.lines.recv())
                .await
                .expect("the server answers in time")
                .expect("the server is still running");
            let value: Value = serde_json::from_str(&line)
                .unwrap_or_else(|_| panic!("non-JSON on stdout: {line}"));
            assert_eq!(value["jsonrpc"], "2.0", "{line}");
            self.seen.push(line);
            if value.get("id").is_some() {
                answers.push(value);
            }
        }
        answers
    }

    /// Peak resident memory so far, in KiB.
    pub fn peak_rss_kib(&self) -> u64 {
        peak_rss_kib(self.child.id().unwrap())
    }

    /// Closes stdin and waits for a clean exit.
    pub async fn finish(mut self) -> Vec<String> {
        drop(self.stdin.take());
        let status = tokio::time::timeout(Duration::from_secs(10), self.child.wait())
            .await
            .unwrap()
            .unwrap();
        assert!(status.success(), "the server exits cleanly at end of input");
        while let Some(line) = self.lines.recv().await {
            self.seen.push(line);
        }
        self.seen
    }
}

/// Peak resident memory (VmHWM) of process `pid` so far, in KiB.
pub fn peak_rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

pub const INITIALIZE: &str = r#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}"#;

pub fn by_id(answers: Vec<Value>) -> HashMap<String, Value> {
    answers
        .into_iter()
        .map(|a| (a["id"].to_string(), a))
        .collect()
}

pub fn call(id: u64, tool: &str, arguments: Value) -> String {
    json!({"jsonrpc": "2.0", "id": id, "method": "tools/call", "params": {"name": tool, "arguments": arguments}}).to_string()
}

#[tokio::test]
async fn every_bad_line_gets_a_well_formed_answer_and_the_server_keeps_going() {
    let mut session = RawSession::start(ServerEnv::demo()).await;
    let bad = [
        "this is not json".to_owned(),
        r#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x"}"#.to_owned(),
        r#"[{"jsonrpc":"2.0","id":2,"method":"ping"}]"#.to_owned(),
        r#"{"jsonrpc":"2.0","id":3,"method":"no/such/method"}"#.to_owned(),
        r#"{"jsonrpc":"2.0","id":4,"method":"tools/list","params":"x"}"#.to_owned(),
        r#"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"get_issue_details","arguments":"WEB-1"}}"#.to_owned(),
        call(6, "get_issue_details", json!({"issue_key": 42})),
        call(7, "no_such_tool", json!({})),
        r#"{"jsonrpc":"2.0","id":8}"#.to_owned(),
    ];
    for line in &bad {
        session.send(line).await;
    }
    let answers = session.answers(bad.len()).await;
    let codes: Vec<(String, Value)> = answers
        .iter()
        .map(|a| (a["id"].to_string(), a["error"]["code"].clone()))
        .collect();
    let expect = |id: &str, code: i64| {
        assert!(
            codes.iter().any(|(i, c)| i == id && *c == json!(code)),
            "id {id} should get {code}: {codes:?}"
        );
    };
    expect("null", -32700);
    assert_eq!(
        codes.iter().filter(|(i, _)| i == "null").count(),
        3,
        "{codes:?}"
    );
    expect("3", -32601);
    expect("4", -32600);
    expect("5", -32602);
    expect("7", -32602);
    expect("8", -32600);
    let answers = by_id(answers);
    assert_eq!(answers["6"]["result"]["isError"], true);

    session
        .send(&call(
            10,
            "get_issue_details",
            json!({"issue_key": "WEB-1"}),
        ))
        .await;
    let answer = session.answers(1).await.remove(0);
    assert_eq!(answer["result"]["structuredContent"]["issueKey"], "WEB-1");
    let all = session.finish().await;
    assert!(all.iter().all(|l| serde_json::from_str::<Value>(l).is_ok()));
}

#[tokio::test]
async fn a_one_megabyte_argument_is_refused_cleanly() {
    let mut session = RawSession::start(ServerEnv::demo()).await;
    let huge = "A".repeat(1 << 20);
    session
        .send(&call(
            1,
            "get_issue_details",
            json!({"issue_key": huge, "issue_title": huge}),
        ))
        .await;
    session
        .send(&call(
            2,
            "get_user_issue_list",
            json!({"created_since": huge}),
        ))
        .await;
    let answers = by_id(session.answers(2).await);
    for id in ["1", "2"] {
        let result = &answers[id]["result"];
        assert_eq!(result["isError"], true);
        let text = result["content"][0]["text"].as_str().unwrap();
        assert!(text.starts_with("invalid argument"), "{}", &text[..80]);
        assert!(
            text.len() < 300,
            "the error quotes an excerpt, not the megabyte"
        );
    }
    session.finish().await;
}

#[tokio::test]
async fn a_thousand_pipelined_requests_all_get_answers_in_bounded_memory() {
    let mut session = RawSession::start(ServerEnv::demo()).await;
    let mut batch = String::new();
    for id in 1..=1000_u64 {
        let line = match id % 4 {
            0 => call(id, "get_user_issue_list", json!({})),
            1 => call(
                id,
                "get_issue_details",
                json!({"issue_key": format!("WEB-{}", id % 22 + 1)}),
            ),
            2 => json!({"jsonrpc": "2.0", "id": id, "method": "tools/list"}).to_string(),
            _ => call(id, "get_issue_details", json!({"issue_key": "NOPE-1"})),
        };
        batch.push_str(&line);
        batch.push('\n');
    }
    let mut peaks = Vec::new();
    for wave in 0..5 {
        session.send(batch.trim_end()).await;
        let answers = by_id(session.answers(1000).await);
        assert_eq!(answers.len(), 1000, "wave {wave}");
        assert!(answers.values().all(|a| a.get("result").is_some()));
        peaks.push(session.peak_rss_kib());
    }
    eprintln!("peak RSS per wave (KiB): {peaks:?}");
    // Memory settles after the first waves: five thousand requests later the
    // peak is about what two thousand needed.
    assert!(
        peaks[4] <= peaks[1] + peaks[1] / 4,
        "peak RSS kept growing: {peaks:?}"
    );
    assert!(peaks[4] < 200 * 1024, "peak RSS {peaks:?}");
    session.finish().await;
}
