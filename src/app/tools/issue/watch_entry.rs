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

pub fn watch_id(value: i64) -> Result<WatchingId, ToolError> {
    WatchingId::new(value).map_err(|e| ToolError::argument("watchId", e))
}
