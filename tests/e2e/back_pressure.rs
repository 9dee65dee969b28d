//! A client that pipelines thousands of calls without reading the answers: the
//! server stops reading stdin instead of buffering every answer, its memory
//! stays bounded, and once the client reads, every request is answered exactly
//! once. Two requests with one id in flight get two messages, never one.

use crate::raw_stdio::{INITIALIZE, RawSession, call, peak_rss_kib};
use crate::support::{SECRET_KEY, ServerEnv};
use fake_backlog::{FakeBacklog, Model};
use serde_json::{Value, json};
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// Enough that the server, reading everything, would need hundreds of MiB
/// (about 110 KiB per unread answer before the bound), and few enough for a
/// debug build on a loaded 2-core machine.
const CALLS: usize = 3000;
/// The ceiling the issue sets; a debug build idles at about 28 MiB.
const PEAK_RSS_LIMIT_KIB: u64 = 64 * 1024;

#[tokio::test]
async fn a_client_that_does_not_read_stops_the_server_reading_and_memory_stays_bounded() {
    let env = ServerEnv::demo();
    let mut child = env
        .command()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let pid = child.id().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap()).lines();
    stdin
        .write_all(format!("{INITIALIZE}\n").as_bytes())
        .await
        .unwrap();
    let initialized = stdout.next_line().await.unwrap().unwrap();
    assert!(initialized.contains(r#""id":0"#), "{initialized}");
    stdin
        .write_all(b"{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n")
        .await
        .unwrap();

    // The calls are written from a task, as fast as the server takes them;
    // nothing reads stdout yet.
    let written = Arc::new(AtomicUsize::new(0));
    let writer = tokio::spawn({
        let written = written.clone();
        async move {
            for id in 1..=CALLS {
                let line = call(id as u64, "get_issues", json!({"count": 100}));
                stdin.write_all(line.as_bytes()).await.unwrap();
                stdin.write_all(b"\n").await.unwrap();
                written.store(id, Ordering::Relaxed);
            }
            stdin.flush().await.unwrap();
            // Still open: closing stdin would end the session.
            stdin
        }
    });
    let stalled_at = wait_until_the_writer_stalls(&written).await;
    assert!(
        stalled_at < CALLS / 2,
        "the server stopped reading stdin: {stalled_at} of {CALLS} requests written"
    );
    let peak_while_unread = peak_rss_kib(pid);

    // Now the client reads: everything is answered, each id once.
    let mut answered = vec![0_u32; CALLS + 1];
    let mut received = 0;
    while received < CALLS {
        let line = tokio::time::timeout(Duration::from_secs(60), stdout.next_line())
            .await
            .expect("the server keeps answering")
            .unwrap()
            .expect("the server is still running");
        let answer = json_rpc(&line);
        let id = answer["id"]
            .as_u64()
            .expect("an answer to one of the calls") as usize;
        assert!(
            answer["result"]["structuredContent"]["count"].as_u64() > Some(0),
            "a page of issues for {id}: {}",
            &line[..line.len().min(300)]
        );
        answered[id] += 1;
        received += 1;
    }
    let stdin = writer.await.unwrap();
    let peak = peak_rss_kib(pid);
    drop(stdin);
    let mut extra = Vec::new();
    while let Some(line) = tokio::time::timeout(Duration::from_secs(20), stdout.next_line())
        .await
        .expect("stdout closes after stdin")
        .unwrap()
    {
        json_rpc(&line);
        extra.push(line);
    }
    let status = tokio::time::timeout(Duration::from_secs(10), child.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(status.success());

    eprintln!(
        "{stalled_at} of {CALLS} requests written when the server stopped reading; \
         peak RSS {} KiB then, {} KiB after every answer",
        peak_while_unread, peak
    );
    assert!(extra.is_empty(), "nothing after the answers: {extra:?}");
    let unanswered: Vec<usize> = (1..=CALLS).filter(|&id| answered[id] != 1).collect();
    assert!(unanswered.is_empty(), "not answered once: {unanswered:?}");
    assert!(
        peak < PEAK_RSS_LIMIT_KIB,
        "peak RSS {peak} KiB (while unread: {peak_while_unread} KiB)"
    );
}

/// Waits until the writer has made no progress for a second (within a
/// minute), and returns how many requests it had written by then.
async fn wait_until_the_writer_stalls(written: &AtomicUsize) -> usize {
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut last = written.load(Ordering::Relaxed);
    let mut still_since = Instant::now();
    while Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let now = written.load(Ordering::Relaxed);
        if now != last {
            last = now;
            still_since = Instant::now();
        } else if still_since.elapsed() >= Duration::from_secs(1) {
            break;
        }
    }
    last
}

fn json_rpc(line: &str) -> Value {
    let value: Value =
        serde_json::from_str(line).unwrap_or_else(|_| panic!("non-JSON on stdout: {line}"));
    assert_eq!(value["jsonrpc"], "2.0", "{line}");
    value
}

#[tokio::test]
async fn two_requests_with_one_id_in_flight_get_an_answer_and_an_error() {
    let backlog = FakeBacklog::start(Model::generated(1, 50).with_api_key(SECRET_KEY)).await;
    let env = ServerEnv::space(&backlog.base_url(), SECRET_KEY);
    let mut session = RawSession::start(env).await;
    // Every Backlog request takes a second: the first call is still running
    // when the next lines arrive.
    backlog.faults().set_latency(Duration::from_secs(1));
    let details = |key: &str| json!({"issue_key": key});
    session
        .send(&call(5, "get_issue_details", details("GEN1-1")))
        .await;
    session
        .send(&call(5, "get_issue_details", details("GEN1-2")))
        .await;
    // The string "5" is another id.
    session
        .send(
            &json!({"jsonrpc": "2.0", "id": "5", "method": "tools/call",
                "params": {"name": "get_issue_details", "arguments": details("GEN1-3")}})
            .to_string(),
        )
        .await;
    let answers = session.answers(3).await;
    let mut summaries: Vec<String> = answers.iter().map(summary).collect();
    assert_eq!(
        summaries[0], "5: error -32600",
        "the duplicate is refused at once"
    );
    let message = answers[0]["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("request id 5 is already in use by a request still running"),
        "{message}"
    );
    summaries.sort();
    assert_eq!(summaries, ["\"5\": GEN1-3", "5: GEN1-1", "5: error -32600"]);

    // Answered, id 5 is free again.
    session
        .send(&call(5, "get_issue_details", details("GEN1-4")))
        .await;
    let again = session.answers(1).await;
    assert_eq!(summary(&again[0]), "5: GEN1-4");
    let all = session.finish().await;
    assert_eq!(all.len(), 5, "initialize and four answers: {all:?}");
}

fn summary(answer: &Value) -> String {
    let outcome = match answer.get("error") {
        Some(error) => format!("error {}", error["code"]),
        None => answer["result"]["structuredContent"]["issueKey"]
            .as_str()
            .unwrap_or("no issue")
            .to_owned(),
    };
    format!("{}: {outcome}", answer["id"])
}
