//! The timezone answers are rendered in. Instants (created, updated) are shown in
//! the zone with their offset; calendar dates are never shifted.

use super::calendar_date::CalendarDate;
use super::excerpt::excerpt;
use chrono::{DateTime, SecondsFormat, Utc};
use chrono_tz::Tz;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown timezone \"{0}\": use an IANA zone name such as \"Asia/Tokyo\", \"America/New_York\" or \"UTC\""
)]
pub struct UnknownZone(pub String);

/// An IANA timezone such as `Asia/Tokyo`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DisplayZone(Tz);

impl DisplayZone {
    pub const UTC: Self = Self(Tz::UTC);

    pub fn parse(name: &str) -> Result<Self, UnknownZone> {
        let trimmed = name.trim();
        trimmed
            .parse::<Tz>()
            .map(Self)
            .map_err(|_| UnknownZone(excerpt(trimmed)))
    }

    pub fn name(&self) -> &'static str {
        self.0.name()
    }

    /// The calendar day an instant falls on in this zone.
    pub fn date_of(&self, instant: DateTime<Utc>) -> CalendarDate {
        CalendarDate::from_naive(instant.with_timezone(&self.0).date_naive())
    }

    /// Renders an instant as RFC 3339 in this zone, e.g. `2026-03-01T18:04:05+09:00`.
    pub fn format_instant(&self, instant: DateTime<Utc>) -> String {
        instant
            .with_timezone(&self.0)
            .to_rfc3339_opts(SecondsFormat::Secs, false)
    }
}

impl Default for DisplayZone {
    fn default() -> Self {
        Self::UTC
    }
}

impl fmt::Display for DisplayZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn instant(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, s).unwrap()
    }

    #[test]
    fn instants_carry_the_zone_offset() {
        let tokyo = DisplayZone::parse("Asia/Tokyo").unwrap();
        assert_eq!(
            tokyo.format_instant(instant(2026, 3, 1, 9, 4, 5)),
            "2026-03-01T18:04:05+09:00"
        );
        assert_eq!(
            DisplayZone::UTC.format_instant(instant(2026, 3, 1, 9, 4, 5)),
            "2026-03-01T09:04:05+00:00"
        );
    }

    #[test]
    fn daylight_saving_is_applied_per_instant() {
        let new_york = DisplayZone::parse("America/New_York").unwrap();
        // 2024-11-03 is the fall-back day: 05:50Z is 01:50 EDT, 06:10Z is 01:10 EST.
        assert_eq!(
            new_york.format_instant(instant(2024, 11, 3, 5, 50, 0)),
            "2024-11-03T01:50:00-04:00"
        );
        assert_eq!(
            new_york.format_instant(instant(2024, 11, 3, 6, 10, 0)),
            "2024-11-03T01:10:00-05:00"
        );
    }

    #[test]
    fn an_instant_falls_on_the_day_of_the_zone() {
        let tokyo = DisplayZone::parse("Asia/Tokyo").unwrap();
        let new_york = DisplayZone::parse("America/New_York").unwrap();
        let instant = instant(2014, 7, 15, 15, 0, 0);
        assert_eq!(tokyo.date_of(instant).to_string(), "2014-07-16");
        assert_eq!(new_york.date_of(instant).to_string(), "2014-07-15");
        assert_eq!(DisplayZone::UTC.date_of(instant).to_string(), "2014-07-15");
    }

    #[test]
    fn unknown_zones_are_named_with_an_example() {
        let err = DisplayZone::parse("Mars/Base").unwrap_err().to_string();
        assert!(err.contains("Mars/Base") && err.contains("Asia/Tokyo"));
    }
}
