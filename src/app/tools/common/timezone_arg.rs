//! The `timezone` parameter of tools that show times, declared once: a tool
//! takes it with `#[serde(flatten)] timezone: TimezoneArg`.

use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
pub struct TimezoneArg {
    /// IANA timezone for times (default: the server's).
    #[serde(default)]
    pub timezone: Option<String>,
}

impl TimezoneArg {
    /// The zone asked for, if any (`AppContext::zone` picks the default).
    pub fn zone(&self) -> Option<&str> {
        self.timezone.as_deref()
    }
}
