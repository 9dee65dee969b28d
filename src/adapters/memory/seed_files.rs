//! Attachments of the demo space, with real contents: a 2×2 PNG screenshot,
//! a UTF-8 text log and a CSV with Japanese, a small PDF and an empty ZIP.
//! Each is attached an hour after its issue was created, so no issue's
//! `updated` moves; the two on WEB-20 come with the comment Backlog records
//! for an upload. Some issues also link files of the projects' file sharing.

use super::seed::user_ref;
use super::space::{Space, StoredFile};
use crate::domain::comment::{ChangeLogEntry, Comment};
use crate::domain::ids::{AttachmentId, SharedFileId};
use crate::domain::issue::{Attachment, Named, SharedFile};
use chrono::Duration;

pub const SCREENSHOT: i64 = 8001;
pub const CONSOLE_LOG: i64 = 8002;
pub const ORDER_CSV: i64 = 8003;
pub const QUOTE_PDF: i64 = 8004;
pub const CRASH_LOGS: i64 = 8005;

const CONSOLE_TEXT: &str = "Cookie banner: .cookie-banner { position: fixed; z-index: 9999 } covers the footer links.\n\
iPhone 15 / iOS 18.1 / Safari\n\
フッターのリンクがタップできない。\n";

const ORDER_CSV_TEXT: &str = "注文番号,注文日,顧客名,商品,数量,金額\n\
A-1001,2026-10-01,山田商事,ノートPC,2,298000\n\
A-1002,2026-10-02,ACME Corp.,Monitor 27\",1,45800\n\
A-1003,2026-10-02,鈴木工業,キーボード,5,24500\n";

const QUOTE_PDF_BYTES: &[u8] = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

/// An empty ZIP archive: just the end-of-central-directory record.
const EMPTY_ZIP: [u8; 22] = [
    0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
];

/// (attachment id, issue key, file name, content type, uploader login)
const FILES: [(i64, &str, &str, &str, &str); 5] = [
    (
        SCREENSHOT,
        "WEB-20",
        "cookie-banner-iphone.png",
        "image/png",
        "t.sato",
    ),
    (
        CONSOLE_LOG,
        "WEB-20",
        "console.txt",
        "text/plain; charset=utf-8",
        "t.sato",
    ),
    (
        ORDER_CSV,
        "WEB-8",
        "order-export-sample.csv",
        "text/csv; charset=utf-8",
        "admin",
    ),
    (
        QUOTE_PDF,
        "OPS-4",
        "見積書_SSL証明書.pdf",
        "application/pdf",
        "a.tanaka",
    ),
    (
        CRASH_LOGS,
        "APP-1",
        "crash-logs.zip",
        "application/zip",
        "k.yamada",
    ),
];

/// The issue whose attachments are announced by a comment, and its text.
const UPLOAD_COMMENT: (&str, &str) = (
    "WEB-20",
    "Screenshot and console output from the iPhone attached.",
);

/// (shared file id, issue key, directory, file name, bytes)
const SHARED_FILES: [(i64, &str, &str, &str, u64); 3] = [
    (8101, "WEB-1", "/design/", "top-page-v3.fig", 1_482_113),
    (
        8102,
        "WEB-12",
        "/docs/accessibility/",
        "wcag-checklist.xlsx",
        48_230,
    ),
    (8103, "APP-3", "/デザイン/", "ダークモード配色.fig", 310_552),
];

fn contents(id: i64) -> Vec<u8> {
    match id {
        SCREENSHOT => tiny_png(),
        CONSOLE_LOG => CONSOLE_TEXT.as_bytes().to_vec(),
        ORDER_CSV => ORDER_CSV_TEXT.as_bytes().to_vec(),
        QUOTE_PDF => QUOTE_PDF_BYTES.to_vec(),
        _ => EMPTY_ZIP.to_vec(),
    }
}

pub fn add(space: &mut Space) -> Option<()> {
    for (id, key, name, content_type, login) in FILES {
        let uploader = user_ref(space, login)?;
        let bytes = contents(id);
        let issue = space.issues.iter_mut().find(|i| i.key.to_string() == key)?;
        let attachment_id = AttachmentId::new(id).ok()?;
        issue.attachments.push(Attachment {
            id: attachment_id,
            name: name.to_owned(),
            size: u64::try_from(bytes.len()).ok()?,
            created_user: Some(uploader),
            created: Some(issue.created + Duration::hours(1)),
        });
        let issue_id = issue.id;
        space.files.insert(
            attachment_id,
            StoredFile {
                issue: issue_id,
                content_type: Some(content_type.to_owned()),
                bytes,
            },
        );
    }
    announce_uploads(space)?;
    for (id, key, dir, name, size) in SHARED_FILES {
        let issue = space.issues.iter_mut().find(|i| i.key.to_string() == key)?;
        issue.shared_files.push(SharedFile {
            id: SharedFileId::new(id).ok()?,
            dir: dir.to_owned(),
            name: name.to_owned(),
            is_directory: false,
            size: Some(size),
        });
    }
    Some(())
}

/// The comment Backlog writes with an upload: one `attachment` change per
/// file, each naming the attachment.
fn announce_uploads(space: &mut Space) -> Option<()> {
    let (key, text) = UPLOAD_COMMENT;
    let issue = space.issues.iter().find(|i| i.key.to_string() == key)?;
    let change_log = issue
        .attachments
        .iter()
        .map(|a| ChangeLogEntry {
            attachment: Some(Named::new(a.id, a.name.clone())),
            ..ChangeLogEntry::new("attachment", None, Some(a.name.clone()))
        })
        .collect();
    let author = issue.attachments.first()?.created_user.clone();
    let (issue_id, created) = (issue.id, issue.created + Duration::hours(1));
    let id = space.next_comment_id().ok()?;
    space.comments.entry(issue_id).or_default().push(Comment {
        id,
        content: text.to_owned(),
        change_log,
        notified: Vec::new(),
        created_user: author,
        created,
        updated: Some(created),
    });
    Some(())
}

/// A valid 2×2 RGB PNG (red, green / blue, white), built byte by byte: the
/// signature, IHDR, one IDAT holding an uncompressed zlib stream, IEND.
pub fn tiny_png() -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::new();
    header.extend(2u32.to_be_bytes());
    header.extend(2u32.to_be_bytes());
    // Bit depth 8, colour type 2 (RGB), deflate, adaptive filtering, no interlace.
    header.extend([8, 2, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &header);
    // Each row: filter type 0, then two RGB pixels.
    let pixels = [
        0, 255, 0, 0, 0, 255, 0, //
        0, 0, 0, 255, 255, 255, 255,
    ];
    chunk(&mut png, b"IDAT", &zlib_stored(&pixels));
    chunk(&mut png, b"IEND", &[]);
    png
}

fn chunk(png: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    png.extend(u32::try_from(data.len()).unwrap_or(u32::MAX).to_be_bytes());
    let mut checked = kind.to_vec();
    checked.extend_from_slice(data);
    png.extend_from_slice(&checked);
    png.extend(crc32(&checked).to_be_bytes());
}

/// A zlib stream with one stored (uncompressed) deflate block; `data` is short.
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let len = u16::try_from(data.len()).unwrap_or(u16::MAX);
    let mut out = vec![0x78, 0x01, 0x01];
    out.extend(len.to_le_bytes());
    out.extend((!len).to_le_bytes());
    out.extend_from_slice(data);
    out.extend(adler32(data).to_be_bytes());
    out
}

/// CRC-32 (IEEE), as PNG chunks use it.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFF_u32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn adler32(bytes: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for byte in bytes {
        a = (a + u32::from(*byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_known_iend_checksum() {
        assert_eq!(crc32(b"IEND"), 0xAE42_6082);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn the_png_has_a_signature_a_2x2_header_and_an_end() {
        let png = tiny_png();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&png[12..16], b"IHDR");
        assert_eq!(&png[16..24], &[0, 0, 0, 2, 0, 0, 0, 2]);
        assert_eq!(&png[png.len() - 12..], b"\0\0\0\0IEND\xaeB`\x82");
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
    }
}
