//! `get_issue_attachment`: an attachment's contents, as an MCP image, an
//! embedded text document, or base64.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{
    AppTool, IdOrName, MAX_ATTACHMENT_BYTES, ToolError, ToolInfo, ToolKit, Toolset, char_fifths,
    estimate_tokens,
};
use crate::app::tools::common::selectors;
use crate::app::tools::register::register_raw;
use crate::domain::attachment_file::AttachmentFile;
use crate::domain::ids::AttachmentId;
use crate::ports::{IssueRef, ResourceBody, ToolContent, ToolResponse};
use base64::Engine;
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::json;
use std::sync::Arc;

const INFO: ToolInfo = ToolInfo {
    name: "get_issue_attachment",
    title: "Read an issue attachment",
    description: "Read a file attached to an issue (attachment ids are in get_issue's \
        `attachments`). Images (PNG, JPEG, GIF, WebP) come back as images you can see, text files \
        (plain text, CSV, JSON, XML, HTML, SVG, Markdown) as text, anything else as base64. \
        format: \"base64\" always gives base64. Files over maxBytes (default 5 MiB, at most 7 MiB) \
        are refused.",
    annotations: READS,
    toolset: Toolset::Issue,
    list: None,
};

/// The default size allowed (the largest is `MAX_ATTACHMENT_BYTES`).
const DEFAULT_MAX_BYTES: u64 = 5 * 1024 * 1024;

#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum AttachmentFormat {
    Auto,
    Base64,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct GetIssueAttachmentArgs {
    /// The issue's numeric id; 0 or absent means use issueKey.
    #[serde(default)]
    pub issue_id: Option<IdOrName>,
    /// The issue key, e.g. WEB-42.
    #[serde(default)]
    pub issue_key: Option<String>,
    /// The attachment's id.
    pub attachment_id: i64,
    /// auto (default): image, text or base64 by content; base64: always base64.
    #[serde(default)]
    pub format: Option<AttachmentFormat>,
    /// Refuse files larger than this many bytes (default 5242880, at most 7340032).
    #[serde(default)]
    pub max_bytes: Option<u64>,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    let max_tokens = kit.max_tokens;
    register_raw(
        kit,
        app,
        INFO,
        move |app, args: GetIssueAttachmentArgs, _| async move { run(&app, args, max_tokens).await },
    )
}

async fn run(
    app: &AppContext,
    args: GetIssueAttachmentArgs,
    max_tokens: u64,
) -> Result<ToolResponse, ToolError> {
    let attachment = AttachmentId::new(args.attachment_id)
        .map_err(|e| ToolError::argument("attachmentId", e))?;
    let max_bytes = args.max_bytes.unwrap_or(DEFAULT_MAX_BYTES);
    if max_bytes == 0 || max_bytes > MAX_ATTACHMENT_BYTES {
        return Err(ToolError::argument(
            "maxBytes",
            format!("must be between 1 and {MAX_ATTACHMENT_BYTES} (got {max_bytes})"),
        ));
    }
    let issue = selectors::issue(app, args.issue_id.as_ref(), args.issue_key.as_deref()).await?;
    let file = app
        .backlog
        .attachments
        .attachment(&issue, attachment, max_bytes)
        .await?;
    answer(
        &issue,
        attachment,
        file,
        args.format.unwrap_or(AttachmentFormat::Auto),
        max_tokens,
    )
}

/// What the bytes are, judged by their first bytes first and the name second.
#[derive(Debug, PartialEq, Eq)]
enum Kind {
    Image(&'static str),
    Text(&'static str),
    Binary(String),
}

fn kind(file: &AttachmentFile) -> Kind {
    let bytes = file.bytes.as_slice();
    let image = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("image/gif")
    } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        Some("image/webp")
    } else {
        None
    };
    if let Some(mime) = image {
        return Kind::Image(mime);
    }
    let extension = file
        .file_name
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let text_mime = match extension.as_str() {
        "txt" | "log" => Some("text/plain"),
        "csv" => Some("text/csv"),
        "tsv" => Some("text/tab-separated-values"),
        "json" => Some("application/json"),
        "xml" => Some("application/xml"),
        "html" | "htm" => Some("text/html"),
        "svg" => Some("image/svg+xml"),
        "md" | "markdown" => Some("text/markdown"),
        "yaml" | "yml" => Some("application/yaml"),
        _ => None,
    };
    let declared_text = file
        .content_type
        .as_deref()
        .is_some_and(|t| t.starts_with("text/") || t.contains("json") || t.contains("xml"));
    let utf8 = std::str::from_utf8(bytes).is_ok();
    match (text_mime, declared_text, utf8) {
        (Some(mime), _, true) => Kind::Text(mime),
        (None, true, true) => Kind::Text("text/plain"),
        _ => Kind::Binary(
            file.content_type
                .clone()
                .unwrap_or_else(|| "application/octet-stream".to_owned()),
        ),
    }
}

/// The file as the model gets it. Text the model reads counts against the
/// answer budget: a text file is cut to fit, with a note of what was left out,
/// and base64 asked for as text is refused when it would not fit. Images and
/// other binary files go to the client as an image or an embedded file.
fn answer(
    issue: &IssueRef,
    attachment: AttachmentId,
    file: AttachmentFile,
    format: AttachmentFormat,
    max_tokens: u64,
) -> Result<ToolResponse, ToolError> {
    let size = file.bytes.len();
    let uri = format!(
        "backlog://issues/{issue}/attachments/{attachment}/{}",
        file.file_name
    );
    let encode = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let kind = kind(&file);
    let content_type = match &kind {
        Kind::Image(m) | Kind::Text(m) => (*m).to_owned(),
        Kind::Binary(m) => m.clone(),
    };
    let about = json!({
        "fileName": file.file_name,
        "contentType": content_type,
        "size": size,
        "attachmentId": attachment.get(),
        "issue": issue.to_string(),
    });
    // What the description of the file takes, with room for a cut's note.
    let room = max_tokens.saturating_sub(estimate_tokens(&about.to_string()) + NOTE_TOKENS);
    let content = match (format, kind) {
        (AttachmentFormat::Base64, _) => {
            let encoded = encode(&file.bytes);
            let needed = estimate_tokens(&encoded);
            if needed > room {
                return Err(ToolError::TooLarge(format!(
                    "{} ({size} bytes) takes about {needed} tokens as base64 text, more than this server's answer budget of {max_tokens} (BACKLOG_MAX_TOKENS); omit format to get it as an image or an embedded file, or raise the budget",
                    file.file_name
                )));
            }
            let mut whole = about.clone();
            if let Some(fields) = whole.as_object_mut() {
                fields.insert("content".to_owned(), json!(encoded));
            }
            vec![ToolContent::Text(whole.to_string())]
        }
        (AttachmentFormat::Auto, Kind::Image(mime)) => vec![
            ToolContent::Text(about.to_string()),
            ToolContent::Image {
                base64_data: encode(&file.bytes),
                mime_type: mime.to_owned(),
            },
        ],
        (AttachmentFormat::Auto, Kind::Text(mime)) => {
            let text = String::from_utf8_lossy(&file.bytes);
            let (text, about) = fit_text(&text, room, about);
            vec![
                ToolContent::Text(about.to_string()),
                ToolContent::Resource {
                    uri,
                    mime_type: mime.to_owned(),
                    body: ResourceBody::Text(text),
                },
            ]
        }
        (AttachmentFormat::Auto, Kind::Binary(mime)) => vec![
            ToolContent::Text(about.to_string()),
            ToolContent::Resource {
                uri,
                mime_type: mime,
                body: ResourceBody::Base64(encode(&file.bytes)),
            },
        ],
    };
    Ok(ToolResponse {
        content,
        structured: None,
        is_error: false,
    })
}

/// Tokens kept for the note on a cut text (its 150 characters and two counts).
const NOTE_TOKENS: u64 = 100;

/// The text, cut at a character boundary to fit `room` tokens when it does
/// not, with the description saying how much was shown.
fn fit_text(text: &str, room: u64, mut about: serde_json::Value) -> (String, serde_json::Value) {
    if estimate_tokens(text) <= room {
        return (text.to_owned(), about);
    }
    let mut used = 0;
    let end = text
        .char_indices()
        .find(|(_, c)| {
            used += char_fifths(*c);
            used > room * 5
        })
        .map_or(text.len(), |(at, _)| at);
    let shown = text.get(..end).unwrap_or_default();
    let total = text.chars().count();
    let shown_chars = shown.chars().count();
    if let Some(fields) = about.as_object_mut() {
        fields.insert("shownCharacters".to_owned(), json!(shown_chars));
        fields.insert("totalCharacters".to_owned(), json!(total));
        fields.insert(
            "note".to_owned(),
            json!(format!(
                "only the first {shown_chars} of {total} characters fit this server's answer budget (BACKLOG_MAX_TOKENS); the rest of the file was left out"
            )),
        );
    }
    (shown.to_owned(), about)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, content_type: Option<&str>, bytes: &[u8]) -> AttachmentFile {
        AttachmentFile {
            file_name: name.to_owned(),
            content_type: content_type.map(str::to_owned),
            bytes: bytes.to_vec(),
        }
    }

    #[test]
    fn images_are_known_by_their_bytes_not_their_names() {
        assert_eq!(
            kind(&file("x.txt", None, b"\x89PNG\r\n\x1a\n....")),
            Kind::Image("image/png")
        );
        assert_eq!(
            kind(&file("x", None, &[0xFF, 0xD8, 0xFF, 0xE0])),
            Kind::Image("image/jpeg")
        );
        assert_eq!(
            kind(&file("x.png", None, b"not a png")),
            Kind::Binary("application/octet-stream".into())
        );
    }

    #[test]
    fn text_over_the_budget_is_cut_at_a_character_and_says_so() {
        let text = "ログ行\n".repeat(5_000);
        let (shown, about) = fit_text(&text, 1_000, json!({"fileName": "a.log"}));
        assert!(estimate_tokens(&shown) <= 1_000);
        assert!(text.starts_with(&shown) && shown.len() < text.len());
        assert_eq!(about["totalCharacters"], 20_000);
        assert_eq!(about["shownCharacters"], shown.chars().count());
        assert!(
            about["note"]
                .as_str()
                .unwrap()
                .contains("BACKLOG_MAX_TOKENS")
        );
        let (whole, about) = fit_text("short", 1_000, json!({}));
        assert_eq!((whole.as_str(), about), ("short", json!({})));
    }

    #[test]
    fn text_needs_a_text_type_and_valid_utf8() {
        assert_eq!(
            kind(&file("a.csv", None, "名前,値\n".as_bytes())),
            Kind::Text("text/csv")
        );
        assert_eq!(
            kind(&file("notes", Some("text/plain; charset=utf-8"), b"hi")),
            Kind::Text("text/plain")
        );
        assert!(matches!(
            kind(&file("a.csv", None, &[0xFF, 0xFE, 0x00])),
            Kind::Binary(_)
        ));
    }
}
