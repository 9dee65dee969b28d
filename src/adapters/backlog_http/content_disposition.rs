//! The file name of a download from its `Content-Disposition` header.
//!
//! Backlog's documentation shows `attachment;filename="attachment.doc"`, while
//! backlog-js reads the RFC 5987 / RFC 6266 form `filename*=UTF-8''%E7%94%BB.png`
//! used for non-ASCII names. Both are accepted; `filename*` wins when both are
//! present (RFC 6266 §4.3). The name is reduced to its last path component, so
//! a hostile header cannot smuggle a directory into it.

/// The file name the header gives, if it gives a usable one.
pub fn file_name(header: &[u8]) -> Option<String> {
    // Some servers send raw UTF-8 in `filename="…"`; a lossy read keeps it.
    let text = String::from_utf8_lossy(header);
    let mut plain = None;
    let mut extended = None;
    for parameter in split_parameters(&text) {
        let Some((name, value)) = parameter.split_once('=') else {
            continue;
        };
        let value = unquote(value.trim());
        match name.trim().to_ascii_lowercase().as_str() {
            "filename" => plain = Some(value),
            "filename*" => extended = decode_extended(&value),
            _ => {}
        }
    }
    extended
        .and_then(|name| last_component(&name))
        .or_else(|| plain.and_then(|name| last_component(&name)))
}

/// Splits at `;` outside quoted strings.
fn split_parameters(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    let mut escaped = false;
    for (index, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            ';' if !quoted => {
                parts.extend(text.get(start..index));
                start = index + 1;
            }
            _ => {}
        }
    }
    parts.extend(text.get(start..));
    parts
}

/// The content of a quoted string (backslash escapes resolved), or the token as is.
fn unquote(value: &str) -> String {
    let Some(inner) = value.strip_prefix('"') else {
        return value.to_owned();
    };
    let inner = inner.strip_suffix('"').unwrap_or(inner);
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.extend(chars.next());
        } else {
            out.push(c);
        }
    }
    out
}

/// `charset'language'percent-encoded` (RFC 5987 `ext-value`).
fn decode_extended(value: &str) -> Option<String> {
    let mut parts = value.splitn(3, '\'');
    let charset = parts.next()?.trim().to_ascii_lowercase();
    let _language = parts.next()?;
    let bytes = percent_decode(parts.next()?)?;
    Some(match charset.as_str() {
        "iso-8859-1" | "latin1" => bytes.into_iter().map(char::from).collect(),
        _ => String::from_utf8_lossy(&bytes).into_owned(),
    })
}

/// `%XX` escapes decoded; `+` stays `+` (it is a literal attr-char here, not a space).
fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    let mut bytes = text.bytes();
    while let Some(byte) = bytes.next() {
        if byte == b'%' {
            let high = hex_value(bytes.next()?)?;
            let low = hex_value(bytes.next()?)?;
            out.push((high << 4) | low);
        } else {
            out.push(byte);
        }
    }
    Some(out)
}

fn hex_value(digit: u8) -> Option<u8> {
    char::from(digit)
        .to_digit(16)
        .and_then(|value| u8::try_from(value).ok())
}

/// The part after the last `/` or `\`, without control characters; nothing
/// when that leaves no real name.
fn last_component(name: &str) -> Option<String> {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let clean: String = last.chars().filter(|c| !c.is_control()).collect();
    let clean = clean.trim();
    (!clean.is_empty() && clean != "." && clean != "..").then(|| clean.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(header: &str) -> Option<String> {
        file_name(header.as_bytes())
    }

    #[test]
    fn the_documented_quoted_form_is_read() {
        assert_eq!(
            name("attachment; filename=\"a.png\"").as_deref(),
            Some("a.png")
        );
        assert_eq!(
            name("attachment;filename=\"attachment.doc\"").as_deref(),
            Some("attachment.doc")
        );
        assert_eq!(
            name("attachment; filename=plain.txt").as_deref(),
            Some("plain.txt")
        );
    }

    #[test]
    fn the_rfc_5987_form_is_percent_decoded_and_preferred() {
        assert_eq!(
            name("attachment; filename*=UTF-8''%E7%94%BB%E5%83%8F.png").as_deref(),
            Some("画像.png")
        );
        assert_eq!(
            name("attachment; filename=\"fallback.png\"; filename*=utf-8''%E7%94%BB%E5%83%8F.png")
                .as_deref(),
            Some("画像.png")
        );
        assert_eq!(
            name("attachment; filename*=UTF-8'ja'a+b%20c.txt").as_deref(),
            Some("a+b c.txt")
        );
        assert_eq!(
            name("attachment; filename*=ISO-8859-1''caf%E9.txt").as_deref(),
            Some("café.txt")
        );
    }

    #[test]
    fn quoted_semicolons_and_escapes_stay_in_the_name() {
        assert_eq!(
            name(r#"attachment; filename="a;b \"c\".txt"; size=3"#).as_deref(),
            Some(r#"a;b "c".txt"#)
        );
    }

    #[test]
    fn raw_utf8_in_the_plain_form_is_kept() {
        assert_eq!(
            file_name("attachment; filename=\"報告.pdf\"".as_bytes()).as_deref(),
            Some("報告.pdf")
        );
    }

    #[test]
    fn a_broken_extended_value_falls_back_to_the_plain_name() {
        assert_eq!(
            name("attachment; filename=\"ok.txt\"; filename*=UTF-8''bad%G1").as_deref(),
            Some("ok.txt")
        );
    }

    #[test]
    fn directories_are_stripped_and_empty_names_refused() {
        assert_eq!(
            name("attachment; filename=\"../../etc/passwd\"").as_deref(),
            Some("passwd")
        );
        assert_eq!(
            name("attachment; filename*=UTF-8''..%5C..%5Cboot.ini").as_deref(),
            Some("boot.ini")
        );
        assert_eq!(name("attachment; filename=\"..\""), None);
        assert_eq!(name("attachment; filename=\"\""), None);
        assert_eq!(name("attachment"), None);
        assert_eq!(name("inline"), None);
    }
}
