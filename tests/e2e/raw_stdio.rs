//! The stdio channel itself: only JSON-RPC on stdout, whatever comes in.

use crate::support::ServerEnv;
use serde_json::Value;
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// Writes the lines, closes stdin, and returns every stdout line.
pub async fn exchange(env: &ServerEnv, lines: &[String]) -> Vec<String> {
    let mut child = env
        .command()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let reader = tokio::spawn(async move {
        let mut lines = BufReader::new(stdout).lines();
        let mut out = Vec::new();
        while let Ok(Some(line)) = lines.next_line().await {
            out.push(line);
        }
        out
    });
    for line in lines {
        stdin.write_all(line.as_bytes()).await.unwrap();
        stdin.write_all(b"\n").await.unwrap();
    }
    stdin.flush().await.unwrap();
    // Give the server time to answer everything before it sees end of input.
    tokio::time::sleep(Duration::from_millis(500)).await;
    drop(stdin);
    let status = tokio::time::timeout(Duration::from_secs(10), child.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(status.success(), "the server exits cleanly at end of input");
    reader.await.unwrap()
}

pub fn initialize() -> Vec<String> {
    vec![
        r#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}"#.to_owned(),
        r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#.to_owned(),
    ]
}

pub fn responses_by_id(stdout: &[String]) -> std::collections::HashMap<i64, Value> {
    stdout
        .iter()
        .map(|line| {
            serde_json::from_str::<Value>(line)
                .unwrap_or_else(|_| panic!("non-JSON on stdout: {line}"))
        })
        .filter_map(|v| v["id"].as_i64().map(|id| (id, v)))
        .collect()
}

#[tokio::test]
async fn bad_requests_get_answers_and_stdout_stays_pure_json_rpc() {
    let mut lines = initialize();
    lines.extend([
        "this is not json".to_owned(),
        r#"{"jsonrpc":"2.0","id":1,"method":"no/such/method"}"#.to_owned(),
        r#"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_issue_details","arguments":{"issue_key":42}}}"#.to_owned(),
        r#"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"nope","arguments":{}}}"#.to_owned(),
        r#"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"get_issue_details","arguments":{"issue_key":"WEB-1"}}}"#.to_owned(),
    ]);
    let stdout = exchange(&ServerEnv::demo(), &lines).await;
    let answers = responses_by_id(&stdout);
    assert!(answers[&0]["result"]["serverInfo"]["name"] == "backlog-mcp");
    assert_eq!(answers[&1]["error"]["code"], -32601);
    assert_eq!(answers[&2]["result"]["isError"], true);
    assert!(
        answers[&3]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("nope")
    );
    assert_eq!(
        answers[&4]["result"]["structuredContent"]["issueKey"],
        "WEB-1"
    );
}
