//! Users of a Backlog space.

use super::ids::UserId;
use chrono::{DateTime, Utc};

/// A user as Backlog describes one.
#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub id: UserId,
    /// The login id (`t.sato`); some accounts of older spaces have none.
    pub login_id: Option<String>,
    pub name: String,
    pub role_type: Option<i64>,
    pub lang: Option<String>,
    pub mail_address: Option<String>,
    pub last_login: Option<DateTime<Utc>>,
}

impl User {
    pub fn to_ref(&self) -> UserRef {
        UserRef {
            id: self.id,
            name: self.name.clone(),
        }
    }
}

/// A user mentioned by another entity (assignee, author): enough to name them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRef {
    pub id: UserId,
    pub name: String,
}
