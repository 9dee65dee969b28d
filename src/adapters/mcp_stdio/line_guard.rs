//! Every line the client sends is checked before rmcp sees it, so that each bad
//! one gets a JSON-RPC error instead of silence: unparseable JSON → -32700,
//! a batch or a malformed message → -32600 (with the request's id when it can
//! be read, so the client is not left waiting), a line over the size limit →
//! -32600. All output, rmcp's and these errors, goes through one writer task,
//! one whole line at a time, so stdout carries nothing but JSON-RPC lines.

use rmcp::model::ClientJsonRpcMessage;
use serde_json::{Value, json};
use tokio::io::{
    AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader, DuplexStream,
};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

/// The largest message accepted, in bytes.
pub const MAX_LINE_BYTES: usize = 8 * 1024 * 1024;

const PIPE_BUFFER: usize = 64 * 1024;
/// Output lines waiting for stdout; a slow client slows the server down instead
/// of growing memory.
const OUTBOX_LINES: usize = 256;

/// The ends rmcp talks to, and the task that owns the real output.
pub struct GuardedIo {
    pub rmcp_input: DuplexStream,
    pub rmcp_output: DuplexStream,
    /// Finishes once everything written has been flushed.
    pub writer: JoinHandle<()>,
}

pub fn guard<R, W>(input: R, output: W) -> GuardedIo
where
    R: AsyncRead + Unpin + Send + 'static,
    W: AsyncWrite + Unpin + Send + 'static,
{
    let (rmcp_input, mut to_rmcp) = tokio::io::duplex(PIPE_BUFFER);
    let (rmcp_output, from_rmcp) = tokio::io::duplex(PIPE_BUFFER);
    let (outbox, mut pending) = mpsc::channel::<String>(OUTBOX_LINES);

    let errors = outbox.clone();
    tokio::spawn(async move {
        let mut input = BufReader::new(input);
        let mut buffer = Vec::new();
        loop {
            let line = match read_line(&mut input, MAX_LINE_BYTES, &mut buffer).await {
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
                Line::Text(text) => check(&text),
            };
            match verdict {
                Verdict::Skip => {}
                Verdict::Forward(text) => {
                    let written = async {
                        to_rmcp.write_all(text.as_bytes()).await?;
                        to_rmcp.write_all(b"\n").await
                    };
                    if written.await.is_err() {
                        break;
                    }
                }
                Verdict::Answer(error) => {
                    if errors.send(error).await.is_err() {
                        break;
                    }
                }
            }
        }
        // Dropping `to_rmcp` here tells rmcp the client is gone.
    });

    tokio::spawn(async move {
        let mut lines = BufReader::new(from_rmcp).lines();
        while let Ok(Some(line)) = lines.next_line().await {
            if outbox.send(line).await.is_err() {
                break;
            }
        }
    });

    let writer = tokio::spawn(async move {
        let mut output = output;
        while let Some(line) = pending.recv().await {
            let written = async {
                output.write_all(line.as_bytes()).await?;
                output.write_all(b"\n").await?;
                output.flush().await
            };
            if let Err(error) = written.await {
                tracing::warn!(%error, "writing stdout failed");
                break;
            }
        }
    });

    GuardedIo {
        rmcp_input,
        rmcp_output,
        writer,
    }
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
    Forward(String),
    Answer(String),
}

fn check(line: &str) -> Verdict {
    if line.trim().is_empty() {
        return Verdict::Skip;
    }
    let value: Value = match serde_json::from_str(line) {
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
    match serde_json::from_value::<ClientJsonRpcMessage>(value.clone()) {
        Ok(_) => Verdict::Forward(line.to_owned()),
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
    use tokio::io::AsyncReadExt;

    /// Feeds `input` through the guard; returns what rmcp would read and what
    /// the client would receive.
    async fn run(input: &str) -> (String, Vec<Value>) {
        let (client_out, server_in) = tokio::io::duplex(1 << 20);
        let (server_out, mut client_in) = tokio::io::duplex(1 << 20);
        let mut guarded = guard(server_in, server_out);
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
        let (forwarded, answers) = run(&format!("{ping}\r\n\n{ping}")).await;
        assert_eq!(forwarded, format!("{ping}\n{ping}\n"));
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
}
