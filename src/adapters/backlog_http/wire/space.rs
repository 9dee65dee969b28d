use super::{WireResult, id};
use crate::domain::ids::UserId;
use crate::domain::space::Space;
use chrono::{DateTime, Utc};
use serde::Deserialize;

/// `GET /space`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireSpace {
    pub space_key: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub owner_id: Option<i64>,
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub timezone: Option<String>,
    #[serde(default)]
    pub text_formatting_rule: Option<String>,
    #[serde(default)]
    pub created: Option<DateTime<Utc>>,
    #[serde(default)]
    pub updated: Option<DateTime<Utc>>,
}

impl WireSpace {
    pub fn into_space(self) -> WireResult<Space> {
        Ok(Space {
            name: self.name.unwrap_or_else(|| self.space_key.clone()),
            space_key: self.space_key,
            owner_id: self
                .owner_id
                .map(|owner| id("space owner id", owner, UserId::new))
                .transpose()?,
            lang: self.lang,
            timezone: self.timezone,
            text_formatting_rule: self.text_formatting_rule,
            created: self.created,
            updated: self.updated,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_space_converts() {
        let wire: WireSpace = serde_json::from_str(
            r#"{"spaceKey": "acme", "name": "ACME Inc.", "ownerId": 1073800001, "lang": "en",
                "timezone": "Asia/Tokyo", "reportSendTime": "08:00:00", "textFormattingRule": "markdown",
                "created": "2019-03-01T02:00:00Z", "updated": "2024-01-10T05:30:00Z"}"#,
        )
        .unwrap();
        let space = wire.into_space().unwrap();
        assert_eq!(space.space_key, "acme");
        assert_eq!(space.owner_id.map(UserId::get), Some(1_073_800_001));
        assert_eq!(space.timezone.as_deref(), Some("Asia/Tokyo"));
    }
}
