//! `GET /issues/:k/attachments` and the raw downloads: bytes, `Content-Type`,
//! `Content-Disposition: attachment; filename*=UTF-8''…`, the large file.

use crate::*;
use fake_backlog::demo::{
    ATTACHMENT_HEAP_DUMP, ATTACHMENT_HEAP_DUMP_SIZE, ATTACHMENT_LOGCAT, ATTACHMENT_MINUTES,
    ATTACHMENT_MINUTES_NAME, ATTACHMENT_PNG, SATO, SMITH, SUZUKI,
};
use fake_backlog::{FakeBacklog, Space};

/// GET with the key; the body as bytes.
async fn download(server: &FakeBacklog, path: &str) -> (u16, reqwest::header::HeaderMap, Vec<u8>) {
    let response = client()
        .get(format!("{}{}", server.base_url(), path))
        .header("Backlog-API-Key", server.api_key())
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (status, headers, response.bytes().await.unwrap().to_vec())
}

fn header<'a>(headers: &'a reqwest::header::HeaderMap, name: &str) -> &'a str {
    headers
        .get(name)
        .unwrap_or_else(|| panic!("no {name}"))
        .to_str()
        .unwrap()
}

/// The file name of `attachment; filename*=UTF-8''…`, percent-decoded.
fn file_name(disposition: &str) -> String {
    let encoded = disposition
        .strip_prefix("attachment; filename*=UTF-8''")
        .unwrap_or_else(|| panic!("unexpected Content-Disposition: {disposition}"));
    assert!(
        encoded
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"%!#$&+-.^_`|~".contains(&b)),
        "{encoded}"
    );
    form_urlencoded::parse(format!("n={}", encoded.replace('+', "%2B")).as_bytes())
        .next()
        .unwrap()
        .1
        .into_owned()
}

#[tokio::test]
async fn lists_in_the_issue_shape() {
    let server = FakeBacklog::start(Space::demo()).await;
    let listed = get_json(&server, "/api/v2/issues/APP-2/attachments").await;
    let issue = get_json(&server, "/api/v2/issues/APP-2").await;
    assert_eq!(listed, issue["attachments"]);
    let ids: Vec<i64> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [ATTACHMENT_LOGCAT, ATTACHMENT_HEAP_DUMP]);
    assert_eq!(listed[0]["size"], 10_240);
    assert_eq!(listed[0]["createdUser"]["id"], SATO);
    assert_eq!(listed[1]["size"], ATTACHMENT_HEAP_DUMP_SIZE);
    assert_eq!(listed[1]["createdUser"]["id"], SMITH);
    let web_3 = get_json(&server, "/api/v2/issues/WEB-3/attachments").await;
    assert_eq!(web_3[0]["name"], ATTACHMENT_MINUTES_NAME);
    assert_eq!(web_3[0]["createdUser"]["id"], SUZUKI);
    assert_eq!(
        get_json(&server, "/api/v2/issues/WEB-9/attachments").await,
        serde_json::json!([])
    );
    assert_eq!(
        get(&server, "/api/v2/issues/NOPE-1/attachments")
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn png_download() {
    let server = FakeBacklog::start(Space::demo()).await;
    let (status, headers, body) = download(
        &server,
        &format!("/api/v2/issues/WEB-2/attachments/{ATTACHMENT_PNG}"),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(header(&headers, "content-type"), "image/png");
    assert_eq!(
        header(&headers, "content-disposition"),
        "attachment; filename*=UTF-8''console.png"
    );
    assert_eq!(&body[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(&body[12..16], b"IHDR");
    assert_eq!(&body[body.len() - 8..body.len() - 4], b"IEND");
    let listed = get_json(&server, "/api/v2/issues/WEB-2/attachments").await;
    assert_eq!(listed[0]["size"], body.len());
    assert_eq!(header(&headers, "content-length"), body.len().to_string());
    // Downloads count as reads.
    assert_eq!(header(&headers, "x-ratelimit-limit"), "600");
}

#[tokio::test]
async fn japanese_text_and_file_name() {
    let server = FakeBacklog::start(Space::demo()).await;
    let (status, headers, body) = download(
        &server,
        &format!("/api/v2/issues/WEB-3/attachments/{ATTACHMENT_MINUTES}"),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        header(&headers, "content-type"),
        "text/plain; charset=UTF-8"
    );
    let disposition = header(&headers, "content-disposition");
    assert!(disposition.contains("%E5%86%8D%E7%8F%BE"), "{disposition}");
    assert!(
        disposition.contains("%20%28iPhone%20SE%29.txt"),
        "{disposition}"
    );
    assert_eq!(file_name(disposition), ATTACHMENT_MINUTES_NAME);
    let text = String::from_utf8(body).unwrap();
    assert!(text.contains("ログインボタンが画面外にはみ出す"), "{text}");
}

#[tokio::test]
async fn large_binary() {
    let server = FakeBacklog::start(Space::demo()).await;
    let (status, headers, body) = download(
        &server,
        &format!("/api/v2/issues/APP-2/attachments/{ATTACHMENT_HEAP_DUMP}"),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body.len(), ATTACHMENT_HEAP_DUMP_SIZE);
    assert_eq!(header(&headers, "content-type"), "application/octet-stream");
    assert_eq!(
        header(&headers, "content-length"),
        ATTACHMENT_HEAP_DUMP_SIZE.to_string()
    );
    assert_eq!(
        header(&headers, "content-disposition"),
        "attachment; filename*=UTF-8''heap-dump.bin"
    );
    // Not trivially compressible: many distinct bytes.
    let distinct: std::collections::HashSet<u8> = body.iter().copied().collect();
    assert!(distinct.len() > 250);
    let (_, _, logcat) = download(
        &server,
        &format!("/api/v2/issues/APP-2/attachments/{ATTACHMENT_LOGCAT}"),
    )
    .await;
    assert_eq!(logcat.len(), 10_240);
    assert!(logcat.is_ascii());
}

#[tokio::test]
async fn missing_attachments_are_404() {
    let server = FakeBacklog::start(Space::demo()).await;
    for path in [
        format!("/api/v2/issues/WEB-3/attachments/{ATTACHMENT_PNG}"),
        "/api/v2/issues/WEB-2/attachments/1".to_owned(),
        "/api/v2/issues/WEB-2/attachments/console.png".to_owned(),
    ] {
        let answer = get(&server, &path).await;
        assert_eq!(answer.status, 404, "{path}");
        assert_eq!(backlog_error(&answer), (6, "No attachment.".to_owned()));
    }
    let answer = get(
        &server,
        &format!("/api/v2/issues/WEB-404/attachments/{ATTACHMENT_PNG}"),
    )
    .await;
    assert_eq!(backlog_error(&answer), (6, "No issue.".to_owned()));
}

#[tokio::test]
async fn attachments_added_at_run_time_download_too() {
    let server = FakeBacklog::start(Space::demo()).await;
    let added =
        server
            .space()
            .add_attachment("WEB-9", "notes; v2 \"final\".md", "# Notes\n".into());
    let (status, headers, body) = download(
        &server,
        &format!("/api/v2/issues/WEB-9/attachments/{}", added.id),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body, b"# Notes\n");
    assert_eq!(
        file_name(header(&headers, "content-disposition")),
        "notes; v2 \"final\".md"
    );
    assert_eq!(server.space().attachments("WEB-9"), [added]);
}
