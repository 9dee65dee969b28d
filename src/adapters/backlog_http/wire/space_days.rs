//! Calendar dates (start and due dates, release dates, date custom fields)
//! arrive as instants. Current spaces send a day as midnight UTC
//! (`2024-06-03T00:00:00Z`); older spaces send the midnight that starts the day
//! in the space's timezone (`2014-07-15T15:00:00Z` is 2014-07-16 in
//! Asia/Tokyo). So a midnight-UTC instant is read as its UTC date, any other
//! instant as its date in the space's timezone. Where the space's offset is
//! zero both readings give the same day.

use crate::domain::calendar_date::CalendarDate;
use crate::domain::zone::DisplayZone;
use chrono::{DateTime, NaiveTime, Utc};

/// Reads days from instants, knowing the space's timezone when that matters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpaceDays {
    zone: Option<DisplayZone>,
}

impl SpaceDays {
    /// For answers that hold no zoned instant: every day is a UTC date.
    pub fn utc_midnights() -> Self {
        Self::default()
    }

    /// Days of a space in `zone`; `None` when the space did not say (or named
    /// a zone this server does not know), which reads every day as UTC.
    pub fn in_zone(zone: Option<DisplayZone>) -> Self {
        Self { zone }
    }

    pub fn day(&self, instant: DateTime<Utc>) -> CalendarDate {
        match self.zone {
            Some(zone) if is_zoned(instant) => zone.date_of(instant),
            _ => CalendarDate::from_naive(instant.date_naive()),
        }
    }

    pub fn day_of(&self, instant: Option<DateTime<Utc>>) -> Option<CalendarDate> {
        instant.map(|i| self.day(i))
    }

    /// A day sent as text: an instant (`2014-07-15T15:00:00Z`) or a bare day
    /// (`2014-07-16`); `None` for anything else.
    pub fn day_in_text(&self, text: &str) -> Option<CalendarDate> {
        match DateTime::parse_from_rfc3339(text.trim()) {
            Ok(instant) => Some(self.day(instant.with_timezone(&Utc))),
            Err(_) => CalendarDate::parse(text).ok(),
        }
    }
}

/// Whether an instant is not midnight UTC, so that it means a day only in the
/// space's timezone.
pub fn is_zoned(instant: DateTime<Utc>) -> bool {
    instant.time() != NaiveTime::MIN
}

/// Whether a day sent as text is such an instant.
pub fn is_zoned_text(text: &str) -> bool {
    DateTime::parse_from_rfc3339(text.trim())
        .is_ok_and(|instant| is_zoned(instant.with_timezone(&Utc)))
}

/// An answer that may carry days sent as zoned instants: the adapter asks the
/// space for its timezone only when one does.
pub trait SendsDays {
    fn has_zoned_days(&self) -> bool;
}

impl<T: SendsDays> SendsDays for Vec<T> {
    fn has_zoned_days(&self) -> bool {
        self.iter().any(SendsDays::has_zoned_days)
    }
}

impl<T: SendsDays> SendsDays for Option<T> {
    fn has_zoned_days(&self) -> bool {
        self.as_ref().is_some_and(SendsDays::has_zoned_days)
    }
}

impl SendsDays for Option<DateTime<Utc>> {
    fn has_zoned_days(&self) -> bool {
        self.is_some_and(is_zoned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn instant(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    fn tokyo() -> SpaceDays {
        SpaceDays::in_zone(Some(DisplayZone::parse("Asia/Tokyo").unwrap()))
    }

    #[test]
    fn an_older_space_local_midnight_is_its_day_in_the_space_timezone() {
        let day = tokyo().day(instant("2014-07-15T15:00:00Z"));
        assert_eq!(day.to_string(), "2014-07-16");
        let new_york = SpaceDays::in_zone(Some(DisplayZone::parse("America/New_York").unwrap()));
        assert_eq!(
            new_york.day(instant("2014-07-16T04:00:00Z")).to_string(),
            "2014-07-16"
        );
    }

    #[test]
    fn a_midnight_utc_day_stays_its_utc_date_in_every_zone() {
        let new_york = SpaceDays::in_zone(Some(DisplayZone::parse("America/New_York").unwrap()));
        for days in [tokyo(), new_york, SpaceDays::utc_midnights()] {
            assert_eq!(
                days.day(instant("2024-06-03T00:00:00Z")).to_string(),
                "2024-06-03"
            );
        }
    }

    #[test]
    fn without_a_zone_a_zoned_instant_falls_back_to_its_utc_date() {
        let day = SpaceDays::in_zone(None).day(instant("2014-07-15T15:00:00Z"));
        assert_eq!(day.to_string(), "2014-07-15");
    }

    #[test]
    fn days_in_text_take_instants_and_bare_days() {
        let days = tokyo();
        assert_eq!(
            days.day_in_text("2014-06-11T15:00:00Z")
                .map(|d| d.to_string()),
            Some("2014-06-12".into())
        );
        assert_eq!(
            days.day_in_text("2024-06-03").map(|d| d.to_string()),
            Some("2024-06-03".into())
        );
        assert_eq!(days.day_in_text("soon"), None);
        assert!(is_zoned_text("2014-06-11T15:00:00Z"));
        assert!(!is_zoned_text("2014-06-11T00:00:00Z") && !is_zoned_text("2014-06-11"));
    }
}
