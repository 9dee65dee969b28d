//! The watch-list entry a tool names by `watchId`.

use crate::app::tooling::ToolError;
use crate::domain::ids::WatchingId;
use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct WatchIdArgs {
    /// The watch-list entry's id.
    pub watch_id: i64,
}

impl WatchIdArgs {
    /// The entry's id, checked.
    pub fn id(&self) -> Result<WatchingId, ToolError> {
        watch_id(self.watch_id)
    }
}

/// A `watchId` checked. `update_watching` declares the parameter itself rather
/// than flattening [`WatchIdArgs`]: a flattened field's type error would not
/// name the parameter.
pub fn watch_id(value: i64) -> Result<WatchingId, ToolError> {
    WatchingId::new(value).map_err(|e| ToolError::argument("watchId", e))
}
