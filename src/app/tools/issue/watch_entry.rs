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
        WatchingId::new(self.watch_id).map_err(|e| ToolError::argument("watchId", e))
    }
}
