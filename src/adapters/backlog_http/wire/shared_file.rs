use super::{WireResult, id};
use crate::domain::ids::SharedFileId;
use crate::domain::issue::SharedFile;
use serde::Deserialize;
use serde_json::Value;

/// A file of the project's file sharing: `{id, type, dir, name, size, …}` in an
/// issue's `sharedFiles`, and (with snake_case around it) in activities.
#[derive(Debug, Deserialize)]
pub struct WireSharedFile {
    pub id: i64,
    /// `file` or `directory`.
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    #[serde(default)]
    pub dir: Option<String>,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub size: Option<u64>,
}

impl WireSharedFile {
    pub fn into_shared_file(self) -> WireResult<SharedFile> {
        Ok(SharedFile {
            id: id("shared file id", self.id, SharedFileId::new)?,
            dir: self.dir.unwrap_or_else(|| "/".to_owned()),
            name: self.name,
            is_directory: self.kind.as_deref() == Some("directory"),
            size: self.size,
        })
    }

    /// A shared file inside an activity's free-form content; `None` when it
    /// does not have the shape (activities are read leniently).
    pub fn from_value(value: &Value) -> Option<SharedFile> {
        Self::deserialize(value).ok()?.into_shared_file().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_shared_file_converts() {
        let wire: WireSharedFile = serde_json::from_str(
            r#"{"id": 1074321611, "type": "file", "dir": "/test/", "name": "backlog_icon.png",
                "size": 5050, "createdUser": {"id": 1073751781, "name": "admin"},
                "created": "2014-08-04T01:28:26Z", "updatedUser": null, "updated": "2014-08-04T01:28:26Z"}"#,
        )
        .unwrap();
        let file = wire.into_shared_file().unwrap();
        assert_eq!(file.path(), "/test/backlog_icon.png");
        assert_eq!(file.size, Some(5050));
        assert!(!file.is_directory);
    }

    #[test]
    fn odd_shapes_in_activities_are_skipped() {
        assert_eq!(
            WireSharedFile::from_value(&serde_json::json!({"name": "x"})),
            None
        );
        assert_eq!(
            WireSharedFile::from_value(&serde_json::json!({"id": 0})),
            None
        );
        let dir = WireSharedFile::from_value(
            &serde_json::json!({"id": 5, "type": "directory", "dir": "/docs/", "name": "old"}),
        )
        .unwrap();
        assert_eq!(dir.path(), "/docs/old/");
    }
}
