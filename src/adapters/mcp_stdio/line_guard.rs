//! Every line the client sends is checked before rmcp sees it, so that each bad
//! one gets a JSON-RPC error instead of silence: unparseable JSON → -32700,
//! a batch or a malformed message → -32600 (with the request's id when it can
//! be read, so the client is not left waiting), a line over the size limit →
//! -32600. All output, rmcp's and these errors, goes through one writer task,
//! one whole line at a time, so stdout carries nothing but JSON-RPC lines.
//!
//! The guard also bounds memory: each request is admitted to [`InFlight`]
//! before rmcp sees it, and stdin is not read while [`MAX_IN_FLIGHT`] requests
//! wait for their answer to be written to stdout, so a client that stops
//! reading stops the server reading too. A request reusing the id of one still
//! in flight gets a -32600 at once and never reaches rmcp, so the client gets
//! exactly one message for every request line. The guard handles
//! `notifications/cancelled` itself: rmcp would drop the cancelled request's
//! answer or not depending on timing, leaving no way to know when its slot is
//! free; instead the guard cancels the handler's token and drops the answer
//! when it comes out.
//!
//! [`MAX_IN_FLIGHT`]: super::in_flight::MAX_IN_FLIGHT

use super::in_flight::{Admission, Answered, InFlight};
use rmcp::model::{ClientJsonRpcMessage, ClientNotification, JsonRpcMessage, RequestId};
use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::{Value, json};
use std::sync::Arc;
use tokio::io::{
    AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader, DuplexStream,
};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

/// The largest message accepted, in bytes.
pub const MAX_LINE_BYTES: usize = 8 * 1024 * 1024;

const PIPE_BUFFER: usize = 64 * 1024;
/// Output lines waiting for stdout; a slow client slows the server down instead
/// of growing memory. Answers are at most the requests in flight; the rest is
/// room for progress notifications and the guard's own errors.
const OUTBOX_LINES: usize = 256;

/// The ends rmcp talks to, and the task that owns the real output.
pub struct GuardedIo {
    pub rmcp_input: DuplexStream,
    pub rmcp_output: DuplexStream,
    /// Finishes once everything written has been flushed.
    pub writer: JoinHandle<()>,
}

/// A line for stdout, and the request it answers, if any.
struct Outgoing {
    line: String,
    answers: Option<RequestId>,
}

impl Outgoing {
    fn from_guard(line: String) -> Self {
        Self {
            line,
            answers: None,
        }
    }
}

pub fn guard<R, W>(input: R, output: W, in_flight: Arc<InFlight>) -> GuardedIo
where
    R: AsyncRead + Unpin + Send + 'static,
    W: AsyncWrite + Unpin + Send + 'static,
{
    let (rmcp_input, to_rmcp) = tokio::io::duplex(PIPE_BUFFER);
    let (rmcp_output, from_rmcp) = tokio::io::duplex(PIPE_BUFFER);
    let (outbox, pending) = mpsc::channel::<Outgoing>(OUTBOX_LINES);

    tokio::spawn(read_client(
        input,
        to_rmcp,
        outbox.clone(),
        in_flight.clone(),
    ));
    tokio::spawn({
        let in_flight = in_flight.clone();
        async move {
            let mut lines = BufReader::new(from_rmcp).lines();
            while let Ok(Some(line)) = lines.next_line().await {
                let answers = answered_id(&line);
                if outbox.send(Outgoing { line, answers }).await.is_err() {
                    break;
                }
            }
            // rmcp is done: what is still in flight will not be answered.
            in_flight.close();
        }
    });
    let writer = tokio::spawn(write_client(output, pending, in_flight));

    GuardedIo {
        rmcp_input,
        rmcp_output,
        writer,
    }
}

/// Reads the client's lines, answers the bad ones, and hands the rest to rmcp,
/// each request once it has a slot.
async fn read_client<R: AsyncRead + Unpin>(
    input: R,
    mut to_rmcp: DuplexStream,
    errors: mpsc::Sender<Outgoing>,
    in_flight: Arc<InFlight>,
) {
    let mut input = BufReader::new(input);
    let mut buffer = Vec::new();
    loop {
        let line = tokio::select! {
            biased;
            () = in_flight.closed() => break,
            line = read_line(&mut input, MAX_LINE_BYTES, &mut buffer) => line,
        };
        let line = match line {
            Ok(Some(line)) => line,
            Ok(None) => break,
            Err(error) => {
                tracing::warn!(%error, "reading stdin failed");
                break;
            }
        };
        let verdict = match line {
            Line::TooLong => Verdict::Answer(error_line(
                Value::Null,
                -32600,
                &format!("the message is larger than {MAX_LINE_BYTES} bytes"),
            )),
            Line::Text(text) => check(text),
        };
        let forward = match verdict {
            Verdict::Skip => None,
            Verdict::Forward(text) => Some(text),
            Verdict::Request(text, id) => match in_flight.admit(id.clone()).await {
                Admission::Admitted => Some(text),
                Admission::Duplicate => {
                    if errors
                        .send(Outgoing::from_guard(duplicate_error(id)))
                        .await
                        .is_err()
                    {
                        break;
                    }
                    None
                }
                Admission::Closed => break,
            },
            Verdict::Cancel(id) => {
                if let Some(id) = id {
                    in_flight.cancel(&id);
                }
                None
            }
            Verdict::Answer(error) => {
                if errors.send(Outgoing::from_guard(error)).await.is_err() {
                    break;
                }
                None
            }
        };
        if let Some(text) = forward {
            let written = async {
                to_rmcp.write_all(text.as_bytes()).await?;
                to_rmcp.write_all(b"\n").await
            };
            if written.await.is_err() {
                break;
            }
        }
    }
    // Dropping `to_rmcp` here tells rmcp the client is gone.
}

/// Writes each line to stdout; a request leaves flight once its answer is
/// written, and the answer to a cancelled one is dropped.
async fn write_client<W: AsyncWrite + Unpin>(
    mut output: W,
    mut pending: mpsc::Receiver<Outgoing>,
    in_flight: Arc<InFlight>,
) {
    while let Some(outgoing) = pending.recv().await {
        let answered = outgoing
            .answers
            .as_ref()
            .and_then(|id| in_flight.answer(id));
        if answered.as_ref().is_some_and(Answered::was_cancelled) {
            continue;
        }
        let written = async {
            output.write_all(outgoing.line.as_bytes()).await?;
            output.write_all(b"\n").await?;
            output.flush().await
        };
        if let Err(error) = written.await {
            tracing::warn!(%error, "writing stdout failed");
            break;
        }
        // Only now is the request's slot free: until the client reads, its
        // answer is what holds the memory.
        drop(answered);
    }
}

/// The id of the request an rmcp output line answers: a response or an error
/// with an id (a line with a method is rmcp's own request or notification).
fn answered_id(line: &str) -> Option<RequestId> {
    #[derive(Deserialize)]
    struct Envelope {
        id: Option<RequestId>,
        method: Option<IgnoredAny>,
    }
    let envelope: Envelope = serde_json::from_str(line).ok()?;
    match envelope.method {
        Some(_) => None,
        None => envelope.id,
    }
}

fn duplicate_error(id: RequestId) -> String {
    let id = id.into_json_value();
    error_line(
        id.clone(),
        -32600,
        &format!(
            "request id {id} is already in use by a request still running; \
             give each request an id of its own"
        ),
    )
}

enum Line {
    Text(String),
    TooLong,
}

/// Reads one `\n`-terminated line of at most `max` bytes; a longer one is
/// consumed entirely and reported as too long. `None` at end of input.
async fn read_line<R: AsyncBufRead + Unpin>(
    input: &mut R,
    max: usize,
    buffer: &mut Vec<u8>,
) -> std::io::Result<Option<Line>> {
    buffer.clear();
    let mut too_long = false;
    let mut saw_anything = false;
    loop {
        let available = input.fill_buf().await?;
        if available.is_empty() {
            break;
        }
        saw_anything = true;
        let newline = available.iter().position(|b| *b == b'\n');
        let chunk = match newline {
            Some(end) => available.get(..end).unwrap_or_default(),
            None => available,
        };
        if !too_long && buffer.len() + chunk.len() > max {
            too_long = true;
            buffer.clear();
        }
        if !too_long {
            buffer.extend_from_slice(chunk);
        }
        let consumed = newline.map_or(available.len(), |end| end + 1);
        input.consume(consumed);
        if newline.is_some() {
            break;
        }
    }
    if !saw_anything {
        return Ok(None);
    }
    if too_long {
        return Ok(Some(Line::TooLong));
    }
    if buffer.last() == Some(&b'\r') {
        buffer.pop();
    }
    Ok(Some(Line::Text(
        String::from_utf8_lossy(buffer).into_owned(),
    )))
}

enum Verdict {
    Skip,
    /// A request: forwarded once admitted.
    Request(String, RequestId),
    /// `notifications/cancelled`, handled by the guard.
    Cancel(Option<RequestId>),
    /// A notification or the client's answer to a server request.
    Forward(String),
    Answer(String),
}

fn check(line: String) -> Verdict {
    if line.trim().is_empty() {
        return Verdict::Skip;
    }
    let value: Value = match serde_json::from_str(&line) {
        Ok(value) => value,
        Err(error) => {
            return Verdict::Answer(error_line(
                Value::Null,
                -32700,
                &format!("parse error: {error}"),
            ));
        }
    };
    if value.is_array() {
        return Verdict::Answer(error_line(
            Value::Null,
            -32600,
            "batches are not supported (MCP removed them in 2025-06-18); send one message per line",
        ));
    }
    match ClientJsonRpcMessage::deserialize(&value) {
        Ok(JsonRpcMessage::Request(request)) => Verdict::Request(line, request.id),
        Ok(JsonRpcMessage::Notification(notification)) => match notification.notification {
            ClientNotification::CancelledNotification(cancelled) => {
                Verdict::Cancel(cancelled.params.request_id)
            }
            _ => Verdict::Forward(line),
        },
        Ok(_) => Verdict::Forward(line),
        Err(error) => {
            let id = value
                .get("id")
                .filter(|id| id.is_string() || id.is_number())
                .cloned()
                .unwrap_or(Value::Null);
            Verdict::Answer(error_line(id, -32600, &format!("invalid request: {error}")))
        }
    }
}

fn error_line(id: Value, code: i64, message: &str) -> String {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}}).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
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
            .send(
                r#"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":7}}"#,
            )
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
}
