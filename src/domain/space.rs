//! The Backlog space itself.

use super::ids::UserId;
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq)]
pub struct Space {
    pub space_key: String,
    pub name: String,
    pub owner_id: Option<UserId>,
    pub lang: Option<String>,
    /// The space's IANA timezone, e.g. `Asia/Tokyo`.
    pub timezone: Option<String>,
    pub text_formatting_rule: Option<String>,
    pub created: Option<DateTime<Utc>>,
    pub updated: Option<DateTime<Utc>>,
}
