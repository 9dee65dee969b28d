use super::{demo, key};
use crate::domain::ids::AttachmentId;
use crate::ports::{AttachmentRepository, IssueRepository};

const MIB: u64 = 1024 * 1024;

fn attachment(id: i64) -> AttachmentId {
    AttachmentId::new(id).unwrap()
}

#[tokio::test]
async fn the_png_is_downloaded_with_its_name_type_and_listed_size() {
    let backlog = demo();
    let issue = backlog.issue(&key("WEB-20")).await.unwrap();
    let listed: Vec<(i64, &str)> = issue
        .attachments
        .iter()
        .map(|a| (a.id.get(), a.name.as_str()))
        .collect();
    assert_eq!(
        listed,
        [(8001, "cookie-banner-iphone.png"), (8002, "console.txt")]
    );
    assert_eq!(
        issue.attachments[0]
            .created_user
            .as_ref()
            .map(|u| u.name.as_str()),
        Some("Taro Sato")
    );
    let file = backlog
        .attachment(&key("WEB-20"), attachment(8001), MIB)
        .await
        .unwrap();
    assert_eq!(file.file_name, "cookie-banner-iphone.png");
    assert_eq!(file.content_type.as_deref(), Some("image/png"));
    assert!(file.bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert_eq!(file.bytes.len() as u64, issue.attachments[0].size);
}

#[tokio::test]
async fn text_and_binary_files_keep_their_bytes() {
    let backlog = demo();
    let csv = backlog
        .attachment(&key("WEB-8"), attachment(8003), MIB)
        .await
        .unwrap();
    assert_eq!(csv.content_type.as_deref(), Some("text/csv; charset=utf-8"));
    let text = String::from_utf8(csv.bytes).unwrap();
    assert!(text.starts_with("注文番号,") && text.contains("山田商事"));
    let pdf = backlog
        .attachment(&key("OPS-4"), attachment(8004), MIB)
        .await
        .unwrap();
    assert_eq!(pdf.file_name, "見積書_SSL証明書.pdf");
    assert!(pdf.bytes.starts_with(b"%PDF-1.4"));
    let zip = backlog
        .attachment(&key("APP-1"), attachment(8005), MIB)
        .await
        .unwrap();
    assert_eq!(&zip.bytes[..4], b"PK\x05\x06");
}
