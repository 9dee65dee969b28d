use super::space_days::{SendsDays, SpaceDays};
use super::{WireResult, id};
use crate::domain::ids::{ProjectId, VersionId};
use crate::domain::project::Version;
use chrono::{DateTime, Utc};
use serde::Deserialize;

/// A version or milestone (one Backlog object); its dates are days sent as instants.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireVersion {
    pub id: i64,
    #[serde(default)]
    pub project_id: Option<i64>,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub start_date: Option<DateTime<Utc>>,
    #[serde(default)]
    pub release_due_date: Option<DateTime<Utc>>,
    #[serde(default)]
    pub archived: Option<bool>,
    #[serde(default)]
    pub display_order: Option<i64>,
}

impl SendsDays for WireVersion {
    fn has_zoned_days(&self) -> bool {
        self.start_date.has_zoned_days() || self.release_due_date.has_zoned_days()
    }
}

impl WireVersion {
    pub fn into_version(self, days: SpaceDays) -> WireResult<Version> {
        Ok(Version {
            id: id("version id", self.id, VersionId::new)?,
            project_id: self.project_id.and_then(|p| ProjectId::new(p).ok()),
            name: self.name,
            description: self.description,
            start_date: days.day_of(self.start_date),
            release_due_date: days.day_of(self.release_due_date),
            archived: self.archived.unwrap_or_default(),
            display_order: self.display_order.unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_version_converts_with_dates_as_days() {
        let wire: WireVersion = serde_json::from_str(
            r#"{"id": 1074200007, "projectId": 1073900100, "name": "Sprint 12", "description": "",
                "startDate": "2024-06-03T00:00:00Z", "releaseDueDate": null,
                "archived": false, "displayOrder": 0}"#,
        )
        .unwrap();
        assert!(!wire.has_zoned_days());
        let version = wire.into_version(SpaceDays::utc_midnights()).unwrap();
        assert_eq!(version.name, "Sprint 12");
        assert_eq!(version.start_date.unwrap().to_string(), "2024-06-03");
        assert_eq!(version.release_due_date, None);
    }

    #[test]
    fn an_older_space_release_date_is_read_in_its_timezone() {
        let wire: WireVersion = serde_json::from_str(
            r#"{"id": 3, "projectId": 1, "name": "1.0", "description": null,
                "startDate": null, "releaseDueDate": "2014-07-15T15:00:00Z", "archived": true}"#,
        )
        .unwrap();
        assert!(wire.has_zoned_days());
        let tokyo = crate::domain::zone::DisplayZone::parse("Asia/Tokyo").unwrap();
        let version = wire.into_version(SpaceDays::in_zone(Some(tokyo))).unwrap();
        assert_eq!(version.release_due_date.unwrap().to_string(), "2014-07-16");
        assert!(version.archived);
    }
}
