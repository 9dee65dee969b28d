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
//!
//! `lines` reads and judges one line; this file routes it.

mod lines;

use super::in_flight::{Admission, Answered, InFlight};
use lines::{Line, Verdict, check, error_line, read_line};
use rmcp::model::RequestId;
use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::Value;
use std::sync::Arc;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader, DuplexStream};
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

#[cfg(test)]
mod tests;
