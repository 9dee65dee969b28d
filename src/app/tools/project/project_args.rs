//! The official server's project selector, alone.

use crate::app::tooling::IdOrName;
use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProjectArgs {
    /// The project: id, key (WEB) or name; 0 or absent means use projectKey.
    #[serde(default)]
    pub project_id: Option<IdOrName>,
    /// The project key, e.g. WEB.
    #[serde(default)]
    pub project_key: Option<String>,
}
