//! Reading one line of the client's input and judging it: what goes to rmcp,
//! what the guard handles itself, and the JSON-RPC error a bad line gets.

use rmcp::model::{ClientJsonRpcMessage, ClientNotification, JsonRpcMessage, RequestId};
use serde::Deserialize;
use serde_json::{Value, json};
use tokio::io::{AsyncBufRead, AsyncBufReadExt};

pub enum Line {
    Text(String),
    TooLong,
}

/// Reads one `\n`-terminated line of at most `max` bytes; a longer one is
/// consumed entirely and reported as too long. `None` at end of input.
pub async fn read_line<R: AsyncBufRead + Unpin>(
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

pub enum Verdict {
    Skip,
    /// A request: forwarded once admitted.
    Request(String, RequestId),
    /// `notifications/cancelled`, handled by the guard.
    Cancel(Option<RequestId>),
    /// A notification or the client's answer to a server request.
    Forward(String),
    Answer(String),
}

pub fn check(line: String) -> Verdict {
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

pub fn error_line(id: Value, code: i64, message: &str) -> String {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}}).to_string()
}
