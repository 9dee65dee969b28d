//! What every tool call can rely on: the space, and how answers are shaped.

use super::backlog::Backlog;
use super::issue_scan::ScanLimits;
use crate::domain::ids::UserId;
use crate::domain::zone::DisplayZone;

pub struct AppContext {
    pub backlog: Backlog,
    /// `https://space.backlog.com`: issue links are `{web_base_url}/view/KEY`.
    pub web_base_url: String,
    pub default_zone: DisplayZone,
    /// `USER_ID`: whose issues "my issues" are, when set; otherwise the key's owner.
    pub configured_user: Option<UserId>,
    pub scan: ScanLimits,
}

impl AppContext {
    pub fn issue_url(&self, key: &impl std::fmt::Display) -> String {
        format!("{}/view/{key}", self.web_base_url)
    }
}
