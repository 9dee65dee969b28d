use super::*;
use serde_json::json;
use std::time::Duration;
use tokio::io::{AsyncReadExt, Lines};

/// Feeds `input` through the guard; returns what rmcp would read and what
/// the client would receive.
async fn run(input: &str) -> (String, Vec<Value>) {
    let (client_out, server_in) = tokio::io::duplex(1 << 20);
    let (server_out, mut client_in) = tokio::io::duplex(1 << 20);
    let mut guarded = guard(server_in, server_out, Arc::new(InFlight::new(8)));
    let mut client_out = client_out;
    client_out.write_all(input.as_bytes()).await.unwrap();
    drop(client_out);
    let mut forwarded = String::new();
    guarded
        .rmcp_input
        .read_to_string(&mut forwarded)
        .await
        .unwrap();
    drop(guarded.rmcp_output);
    guarded.writer.await.unwrap();
    let mut answers = String::new();
    client_in.read_to_string(&mut answers).await.unwrap();
    let answers = answers
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (forwarded, answers)
}

#[tokio::test]
async fn valid_messages_pass_through_untouched() {
    let ping = r#"{"jsonrpc":"2.0","id":3,"method":"ping"}"#;
    let initialized = r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#;
    let (forwarded, answers) = run(&format!("{ping}\r\n\n{initialized}")).await;
    assert_eq!(forwarded, format!("{ping}\n{initialized}\n"));
    assert!(answers.is_empty());
}

#[tokio::test]
async fn each_bad_line_gets_an_error_with_its_id_when_readable() {
    let input = [
        "this is not json",
        r#"[{"jsonrpc":"2.0","id":1,"method":"ping"}]"#,
        r#"{"jsonrpc":"2.0","id":9,"method":"tools/list","params":"x"}"#,
        r#"{"jsonrpc":"2.0","id":"abc"}"#,
    ]
    .join("\n");
    let (forwarded, answers) = run(&input).await;
    assert!(forwarded.is_empty());
    let summary: Vec<(Value, i64)> = answers
        .iter()
        .map(|a| (a["id"].clone(), a["error"]["code"].as_i64().unwrap()))
        .collect();
    assert_eq!(
        summary,
        [
            (Value::Null, -32700),
            (Value::Null, -32600),
            (json!(9), -32600),
            (json!("abc"), -32600),
        ]
    );
}

#[tokio::test]
async fn an_oversized_line_is_refused_and_the_next_one_still_read() {
    let huge = format!(
        r#"{{"jsonrpc":"2.0","id":1,"method":"ping","params":{{"x":"{}"}}}}"#,
        "a".repeat(MAX_LINE_BYTES)
    );
    let ping = r#"{"jsonrpc":"2.0","id":2,"method":"ping"}"#;
    let (forwarded, answers) = run(&format!("{huge}\n{ping}\n")).await;
    assert_eq!(forwarded, format!("{ping}\n"));
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0]["error"]["code"], -32600);
}

/// A guard wired to a client and a stand-in for rmcp, with `limit`
/// requests in flight and `stdout_bytes` of room in the client's pipe.
struct Wired {
    client_out: DuplexStream,
    client_in: Lines<BufReader<DuplexStream>>,
    rmcp_in: Lines<BufReader<DuplexStream>>,
    rmcp_out: DuplexStream,
    in_flight: Arc<InFlight>,
    writer: JoinHandle<()>,
}

impl Wired {
    fn new(limit: usize, stdout_bytes: usize) -> Self {
        let (client_out, server_in) = tokio::io::duplex(1 << 20);
        let (server_out, client_in) = tokio::io::duplex(stdout_bytes);
        let in_flight = Arc::new(InFlight::new(limit));
        let guarded = guard(server_in, server_out, in_flight.clone());
        Self {
            client_out,
            client_in: BufReader::new(client_in).lines(),
            rmcp_in: BufReader::new(guarded.rmcp_input).lines(),
            rmcp_out: guarded.rmcp_output,
            in_flight,
            writer: guarded.writer,
        }
    }

    async fn send(&mut self, line: &str) {
        self.client_out.write_all(line.as_bytes()).await.unwrap();
        self.client_out.write_all(b"\n").await.unwrap();
    }

    /// The next line rmcp reads, as JSON.
    async fn forwarded(&mut self) -> Value {
        let line = tokio::time::timeout(Duration::from_secs(10), self.rmcp_in.next_line())
            .await
            .expect("a line reaches rmcp")
            .unwrap()
            .unwrap();
        serde_json::from_str(&line).unwrap()
    }

    /// True when nothing reaches rmcp for a while.
    async fn nothing_forwarded(&mut self) -> bool {
        tokio::time::timeout(Duration::from_millis(150), self.rmcp_in.next_line())
            .await
            .is_err()
    }

    async fn rmcp_writes(&mut self, message: Value) {
        let line = format!("{message}\n");
        self.rmcp_out.write_all(line.as_bytes()).await.unwrap();
    }

    /// The next line the client reads, as JSON.
    async fn received(&mut self) -> Value {
        let line = tokio::time::timeout(Duration::from_secs(10), self.client_in.next_line())
            .await
            .expect("a line reaches the client")
            .unwrap()
            .unwrap();
        serde_json::from_str(&line).unwrap()
    }

    async fn nothing_received(&mut self) -> bool {
        tokio::time::timeout(Duration::from_millis(150), self.client_in.next_line())
            .await
            .is_err()
    }
}

fn request(id: Value) -> String {
    json!({"jsonrpc": "2.0", "id": id, "method": "tools/list"}).to_string()
}

fn answer(id: Value, padding: usize) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "result": {"tools": [], "padding": "x".repeat(padding)}})
}

#[tokio::test]
async fn stdin_waits_while_the_bound_of_requests_await_a_written_answer() {
    // Room for less than one answer in the client's pipe.
    let mut wired = Wired::new(2, 256);
    for id in 1..=3 {
        wired.send(&request(json!(id))).await;
    }
    assert_eq!(wired.forwarded().await["id"], 1);
    assert_eq!(wired.forwarded().await["id"], 2);
    assert!(wired.nothing_forwarded().await, "a third request in flight");
    // rmcp answers, but the client does not read: the answer is not
    // written yet, so the slot is still taken.
    wired.rmcp_writes(answer(json!(1), 4096)).await;
    assert!(
        wired.nothing_forwarded().await,
        "the answer is still unsent"
    );
    assert_eq!(wired.in_flight.count(), 1, "taken off the books, slot held");
    assert_eq!(wired.received().await["id"], 1);
    assert_eq!(wired.forwarded().await["id"], 3);
}

#[tokio::test]
async fn a_request_reusing_an_id_in_flight_gets_an_error_and_never_reaches_rmcp() {
    let mut wired = Wired::new(8, 1 << 20);
    wired.send(&request(json!(1))).await;
    wired.send(&request(json!(1))).await;
    // rmcp reads 1.0 as 1: the same id.
    wired.send(&request(json!(1.0))).await;
    wired.send(&request(json!("1"))).await;
    assert_eq!(wired.forwarded().await["id"], 1);
    assert_eq!(wired.forwarded().await["id"], "1", "a string is another id");
    for _ in 0..2 {
        let error = wired.received().await;
        assert_eq!(error["id"], 1);
        assert_eq!(error["error"]["code"], -32600);
        let message = error["error"]["message"].as_str().unwrap();
        assert!(
            message.contains("already in use by a request still running"),
            "{message}"
        );
    }
    assert!(wired.nothing_forwarded().await);
    // Once answered, the id is free again.
    wired.rmcp_writes(answer(json!(1), 0)).await;
    assert!(wired.received().await.get("result").is_some());
    wired.send(&request(json!(1))).await;
    assert_eq!(wired.forwarded().await["id"], 1);
    assert!(wired.nothing_received().await, "no error this time");
}

#[tokio::test]
async fn a_cancelled_request_is_cancelled_by_the_guard_and_its_answer_dropped() {
    let mut wired = Wired::new(1, 1 << 20);
    wired.send(&request(json!(7))).await;
    assert_eq!(wired.forwarded().await["id"], 7);
    let token = wired.in_flight.cancellation(&RequestId::Number(7));
    wired
        .send(r#"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":7}}"#)
        .await;
    wired.send(&request(json!(8))).await;
    tokio::time::timeout(Duration::from_secs(10), token.cancelled())
        .await
        .expect("the handler's token is cancelled");
    assert!(
        wired.nothing_forwarded().await,
        "rmcp sees neither the cancellation nor request 8 yet"
    );
    wired.rmcp_writes(answer(json!(7), 0)).await;
    assert_eq!(wired.forwarded().await["id"], 8, "the slot is free");
    wired.rmcp_writes(answer(json!(8), 0)).await;
    assert_eq!(
        wired.received().await["id"],
        8,
        "nothing for the cancelled request"
    );
}

#[tokio::test]
async fn notifications_client_answers_and_server_requests_take_no_slot() {
    let mut wired = Wired::new(1, 1 << 20);
    wired.send(&request(json!(1))).await;
    wired
        .send(r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
        .await;
    wired
        .send(r#"{"jsonrpc":"2.0","id":"s-1","result":{}}"#)
        .await;
    assert_eq!(wired.forwarded().await["id"], 1);
    assert_eq!(
        wired.forwarded().await["method"],
        "notifications/initialized"
    );
    assert_eq!(wired.forwarded().await["id"], "s-1");
    // A request rmcp sends the client, with the same id, answers nothing.
    wired
        .rmcp_writes(json!({"jsonrpc": "2.0", "id": 1, "method": "ping"}))
        .await;
    assert_eq!(wired.received().await["method"], "ping");
    wired.send(&request(json!(2))).await;
    assert!(
        wired.nothing_forwarded().await,
        "request 1 is still in flight"
    );
    wired.rmcp_writes(answer(json!(1), 0)).await;
    assert_eq!(wired.forwarded().await["id"], 2);
}

#[tokio::test]
async fn when_rmcp_stops_the_output_ends_though_the_client_keeps_stdin_open() {
    // The reader is either waiting for a slot or waiting for stdin.
    for waiting_request in [true, false] {
        let mut wired = Wired::new(1, 1 << 20);
        wired.send(&request(json!(1))).await;
        if waiting_request {
            wired.send(&request(json!(2))).await;
        }
        assert_eq!(wired.forwarded().await["id"], 1);
        // rmcp ends (its session failed) without answering, and the client
        // keeps stdin open.
        let Wired {
            client_out,
            rmcp_in,
            rmcp_out,
            writer,
            ..
        } = wired;
        drop((rmcp_in, rmcp_out));
        tokio::time::timeout(Duration::from_secs(10), writer)
            .await
            .expect("the writer finishes, so the process can exit")
            .unwrap();
        drop(client_out);
    }
}
