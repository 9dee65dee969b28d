//! Attachment downloads: raw bytes, the file name from either
//! `Content-Disposition` form, the content type, and the size limit.

use crate::support::{client_for, json_answer};
use backlog_mcp::domain::backlog_error::BacklogError;
use backlog_mcp::domain::ids::AttachmentId;
use backlog_mcp::domain::keys::IssueKey;
use backlog_mcp::ports::{AttachmentRepository, IssueRef};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc;
use std::time::Duration;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const AT: &str = "/api/v2/issues/WEB-42/attachments/901";

fn web_42() -> IssueRef {
    IssueRef::Key(IssueKey::parse("WEB-42").unwrap())
}

fn attachment() -> AttachmentId {
    AttachmentId::new(901).unwrap()
}

/// Bytes that are not UTF-8 and not JSON, like an image.
fn png_bytes(len: usize) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend((0..len.saturating_sub(8)).map(|i| (i % 251) as u8));
    bytes.truncate(len);
    bytes
}

async fn serving_file(body: Vec<u8>, content_type: &str, disposition: Option<&str>) -> MockServer {
    let server = MockServer::start().await;
    let mut answer = ResponseTemplate::new(200).set_body_raw(body, content_type);
    if let Some(disposition) = disposition {
        answer = answer.insert_header("content-disposition", disposition);
    }
    Mock::given(method("GET"))
        .and(path(AT))
        .respond_with(answer)
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn the_quoted_filename_form_and_the_content_type_are_kept() {
    let bytes = png_bytes(4096);
    let server = serving_file(
        bytes.clone(),
        "image/png",
        Some("attachment; filename=\"console.png\""),
    )
    .await;
    let file = client_for(&server)
        .attachment(&web_42(), attachment(), 1 << 20)
        .await
        .unwrap();
    assert_eq!(file.file_name, "console.png");
    assert_eq!(file.content_type.as_deref(), Some("image/png"));
    assert_eq!(file.bytes, bytes);
}

#[tokio::test]
async fn the_rfc_5987_filename_is_decoded_and_preferred() {
    let server = serving_file(
        png_bytes(100),
        "application/octet-stream",
        Some("attachment; filename=\"fallback.png\"; filename*=UTF-8''%E7%94%BB%E5%83%8F.png"),
    )
    .await;
    let file = client_for(&server)
        .attachment(&web_42(), attachment(), 1 << 20)
        .await
        .unwrap();
    assert_eq!(file.file_name, "画像.png");
    assert_eq!(
        file.content_type.as_deref(),
        Some("application/octet-stream")
    );
}

#[tokio::test]
async fn without_a_disposition_the_file_is_named_after_the_attachment() {
    let server = serving_file(b"plain".to_vec(), "text/plain", None).await;
    let file = client_for(&server)
        .attachment(&web_42(), attachment(), 5)
        .await
        .unwrap();
    assert_eq!(file.file_name, "attachment-901");
    assert_eq!(file.bytes, b"plain", "exactly the limit is allowed");
}

#[tokio::test]
async fn a_file_larger_than_the_limit_is_refused_and_not_retried() {
    let limit = 64 * 1024;
    let body = png_bytes(limit + 1);
    assert!(body.len() > limit);
    let server = serving_file(body, "image/png", Some("attachment; filename=\"big.png\"")).await;
    let error = client_for(&server)
        .attachment(&web_42(), attachment(), limit as u64)
        .await
        .unwrap_err();
    assert_eq!(error, too_large(limit as u64));
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_missing_attachment_is_named() {
    let server = MockServer::start().await;
    Mock::given(path(AT))
        .respond_with(json_answer(
            404,
            r#"{"errors":[{"message":"No attachment.","code":6,"moreInfo":""}]}"#,
        ))
        .mount(&server)
        .await;
    let error = client_for(&server)
        .attachment(&web_42(), attachment(), 1024)
        .await
        .unwrap_err();
    assert_eq!(
        error,
        BacklogError::NotFound {
            what: "attachment 901 of issue WEB-42".into(),
            message: "No attachment.".into()
        }
    );
}

/// A one-connection HTTP server on 127.0.0.1: reads the request head, lets
/// `respond` write the answer, and reports what `respond` returns.
fn raw_server(
    respond: impl FnOnce(TcpStream) -> usize + Send + 'static,
) -> (String, mpsc::Receiver<usize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let (report, outcome) = mpsc::channel();
    std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut line = String::new();
        while reader.read_line(&mut line).unwrap() > 2 {
            line.clear();
        }
        let _ = report.send(respond(stream));
    });
    (format!("http://{address}"), outcome)
}

/// Waits for the server's report without blocking the runtime (whose tasks
/// are the ones that close the client's connection).
async fn report_of(outcome: &mpsc::Receiver<usize>) -> usize {
    tokio::time::timeout(Duration::from_secs(20), async {
        loop {
            if let Ok(value) = outcome.try_recv() {
                break value;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await
    .expect("the server finished")
}

fn too_large(limit: u64) -> BacklogError {
    BacklogError::TooLarge {
        what: "attachment 901 of issue WEB-42".into(),
        limit,
    }
}

#[tokio::test]
async fn a_stream_without_content_length_is_cut_off_once_past_the_limit() {
    const CAP: usize = 64 * 1024 * 1024;
    // Chunked, endless until the client hangs up (or CAP bytes); reports how much it sent.
    let (base, outcome) = raw_server(|mut stream| {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/zip\r\n\
                    Content-Disposition: attachment; filename=\"huge.zip\"\r\n\
                    Transfer-Encoding: chunked\r\n\r\n";
        stream.write_all(head.as_bytes()).unwrap();
        let chunk = vec![b'z'; 16 * 1024];
        let framed = [
            format!("{:x}\r\n", chunk.len()).into_bytes(),
            chunk,
            b"\r\n".to_vec(),
        ]
        .concat();
        let mut total = 0;
        while total < CAP && stream.write_all(&framed).is_ok() {
            total += 16 * 1024;
        }
        let _ = stream.write_all(b"0\r\n\r\n");
        total
    });
    let client = crate::support::client_at(&base, Duration::from_secs(20));
    let limit = 100_000_u64;
    let error = tokio::time::timeout(
        Duration::from_secs(20),
        client.attachment(&web_42(), attachment(), limit),
    )
    .await
    .expect("the download stops early instead of reading everything")
    .unwrap_err();
    assert_eq!(error, too_large(limit));
    drop(client);
    let sent = report_of(&outcome).await;
    assert!(sent > limit as usize, "the server sent more than the limit");
    assert!(
        sent < CAP,
        "the client hung up before the end ({sent} bytes sent)"
    );
}

#[tokio::test]
async fn an_announced_content_length_over_the_limit_is_refused_before_reading() {
    // Announces 50 MB, then sends nothing and holds the connection open: only
    // a client that trusts Content-Length answers before the request timeout.
    let (base, outcome) = raw_server(|mut stream| {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\
                    Content-Length: 50000000\r\n\r\n";
        stream.write_all(head.as_bytes()).unwrap();
        let mut probe = [0_u8; 1];
        // Returns once the client closes the connection.
        let _ = stream.read(&mut probe);
        0
    });
    let client = crate::support::client_at(&base, Duration::from_secs(30));
    let error = tokio::time::timeout(
        Duration::from_secs(10),
        client.attachment(&web_42(), attachment(), 1024),
    )
    .await
    .expect("refused without waiting for the body")
    .unwrap_err();
    assert_eq!(error, too_large(1024));
    drop(client);
    report_of(&outcome).await;
}
