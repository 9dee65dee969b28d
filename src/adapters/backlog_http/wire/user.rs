use super::{WireResult, id};
use crate::domain::ids::UserId;
use crate::domain::user::{User, UserRef};
use chrono::{DateTime, Utc};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireUser {
    pub id: i64,
    #[serde(default)]
    pub user_id: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub role_type: Option<i64>,
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub mail_address: Option<String>,
    #[serde(default)]
    pub last_login_time: Option<DateTime<Utc>>,
}

impl WireUser {
    pub fn into_user(self) -> WireResult<User> {
        Ok(User {
            id: id("user id", self.id, UserId::new)?,
            name: self
                .name
                .or_else(|| self.user_id.clone())
                .unwrap_or_default(),
            login_id: self.user_id,
            role_type: self.role_type,
            lang: self.lang,
            mail_address: self.mail_address,
            last_login: self.last_login_time,
        })
    }

    pub fn into_ref(self) -> WireResult<UserRef> {
        self.into_user().map(|user| user.to_ref())
    }
}
