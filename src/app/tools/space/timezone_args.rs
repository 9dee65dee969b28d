//! The arguments of a tool whose only choice is the timezone of its answer.

use schemars::JsonSchema;
use serde::Deserialize;

/// Only the timezone of the answer.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct TimezoneArgs {
    /// IANA timezone for times (default: the server's).
    #[serde(default)]
    pub timezone: Option<String>,
}
