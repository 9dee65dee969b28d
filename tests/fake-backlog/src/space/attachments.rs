//! Attachment bytes: the shared byte buffer, content types by file name, and the
//! deterministic files of the demo space (a real PNG, text, a large binary).

use super::Attachment;
use chrono::{DateTime, Utc};
use std::sync::Arc;

/// The bytes of an attachment. Cheap to clone (shared); `Debug` prints only the length
/// so that a space with large files still debugs readably.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct AttachmentData(Arc<[u8]>);

impl AttachmentData {
    pub fn new(bytes: impl Into<Vec<u8>>) -> AttachmentData {
        AttachmentData(Arc::from(bytes.into()))
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Debug for AttachmentData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AttachmentData({} bytes)", self.0.len())
    }
}

impl Attachment {
    /// An attachment whose `size` is the length of `bytes`.
    pub fn new(
        id: i64,
        name: impl Into<String>,
        bytes: impl Into<Vec<u8>>,
        created_user_id: i64,
        created: DateTime<Utc>,
    ) -> Attachment {
        let data = AttachmentData::new(bytes);
        Attachment {
            id,
            name: name.into(),
            size: data.len() as i64,
            created_user_id,
            created,
            data,
        }
    }

    /// The `Content-Type` of a download, from the file name's extension.
    pub fn content_type(&self) -> &'static str {
        let extension = self
            .name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        match extension.as_str() {
            "png" => "image/png",
            "jpg" | "jpeg" => "image/jpeg",
            "gif" => "image/gif",
            "txt" | "log" | "md" => "text/plain; charset=UTF-8",
            "json" => "application/json",
            "pdf" => "application/pdf",
            "zip" => "application/zip",
            _ => "application/octet-stream",
        }
    }
}

/// A valid `width`×`height` RGB PNG (uncompressed deflate blocks), a diagonal gradient.
pub(crate) fn png(width: u32, height: u32) -> Vec<u8> {
    let mut raw = Vec::with_capacity(((width * 3 + 1) * height) as usize);
    for y in 0..height {
        raw.push(0); // filter: none
        for x in 0..width {
            raw.extend([
                (x * 255 / width.max(1)) as u8,
                (y * 255 / height.max(1)) as u8,
                0x80,
            ]);
        }
    }
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]); // 8-bit RGB, deflate, no filter, no interlace
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &zlib_stored(&raw));
    chunk(&mut out, b"IEND", &[]);
    out
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend((data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend(kind);
    out.extend(data);
    let crc = crc32(&out[start..]);
    out.extend(crc.to_be_bytes());
}

/// A zlib stream of stored (uncompressed) deflate blocks.
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = if data.is_empty() {
        vec![&[]]
    } else {
        data.chunks(65_535).collect()
    };
    let last = blocks.len() - 1;
    for (i, block) in blocks.into_iter().enumerate() {
        out.push(u8::from(i == last));
        let len = block.len() as u16;
        out.extend(len.to_le_bytes());
        out.extend((!len).to_le_bytes());
        out.extend(block);
    }
    let (mut a, mut b) = (1_u32, 0_u32);
    for &byte in data {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    out.extend(((b << 16) | a).to_be_bytes());
    out
}

/// CRC-32 (IEEE), as PNG chunks use it.
pub(crate) fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0_u32;
    for &byte in data {
        crc ^= u32::from(byte);
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

/// `len` deterministic pseudo-random bytes (xorshift64).
pub(crate) fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed.max(1);
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}

/// Text lines repeated until exactly `len` bytes (ASCII only, so any cut is valid UTF-8).
pub(crate) fn ascii_lines(len: usize, line: impl Fn(usize) -> String) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + 128);
    let mut n = 0;
    while out.len() < len {
        out.extend(line(n).bytes());
        out.push(b'\n');
        n += 1;
    }
    out.truncate(len);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_chunks_are_well_formed() {
        let png = png(4, 3);
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        // IHDR: length 13, then the CRC over type + data.
        assert_eq!(&png[8..12], &13_u32.to_be_bytes());
        let crc = u32::from_be_bytes(png[29..33].try_into().unwrap());
        assert_eq!(crc, crc32(&png[12..29]));
        assert_eq!(&png[png.len() - 8..png.len() - 4], b"IEND");
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn content_types() {
        let at = |name: &str| Attachment::new(1, name, Vec::new(), 1, chrono::DateTime::UNIX_EPOCH);
        assert_eq!(at("a.PNG").content_type(), "image/png");
        assert_eq!(at("メモ.txt").content_type(), "text/plain; charset=UTF-8");
        assert_eq!(at("dump").content_type(), "application/octet-stream");
    }
}
