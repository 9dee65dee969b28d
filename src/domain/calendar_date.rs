//! Calendar dates (`YYYY-MM-DD`): start and due dates, and the bounds of date filters.
//! They are days, not instants, so they never shift with a timezone.

use super::excerpt::excerpt;
use chrono::NaiveDate;
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidDate {
    #[error("\"{0}\" is not in YYYY-MM-DD form (e.g. 2026-03-01)")]
    Format(String),
    #[error("{0} is not a day of the calendar")]
    NoSuchDay(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CalendarDate(NaiveDate);

impl CalendarDate {
    /// Parses exactly `YYYY-MM-DD`; `2024-02-30` and `2024-2-3` are errors.
    pub fn parse(input: &str) -> Result<Self, InvalidDate> {
        let text = input.trim();
        let bytes = text.as_bytes();
        let shaped = bytes.len() == 10
            && bytes.iter().enumerate().all(|(i, b)| match i {
                4 | 7 => *b == b'-',
                _ => b.is_ascii_digit(),
            });
        if !shaped {
            return Err(InvalidDate::Format(excerpt(text)));
        }
        let field = |range: std::ops::Range<usize>| {
            text.get(range)
                .and_then(|s| s.parse::<u32>().ok())
                .ok_or_else(|| InvalidDate::Format(text.to_owned()))
        };
        let (year, month, day) = (field(0..4)?, field(5..7)?, field(8..10)?);
        let year = i32::try_from(year).map_err(|_| InvalidDate::Format(text.to_owned()))?;
        NaiveDate::from_ymd_opt(year, month, day)
            .map(Self)
            .ok_or_else(|| InvalidDate::NoSuchDay(text.to_owned()))
    }

    pub fn from_naive(date: NaiveDate) -> Self {
        Self(date)
    }

    pub fn naive(self) -> NaiveDate {
        self.0
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl FromStr for CalendarDate {
    type Err = InvalidDate;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// An inclusive range of days where either end may be open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateRange {
    since: Option<CalendarDate>,
    until: Option<CalendarDate>,
}

/// `since` was later than `until`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("since ({since}) is after until ({until})")]
pub struct InvertedRange {
    pub since: CalendarDate,
    pub until: CalendarDate,
}

impl DateRange {
    pub fn new(
        since: Option<CalendarDate>,
        until: Option<CalendarDate>,
    ) -> Result<Self, InvertedRange> {
        match (since, until) {
            (Some(since), Some(until)) if since > until => Err(InvertedRange { since, until }),
            _ => Ok(Self { since, until }),
        }
    }

    pub fn since(&self) -> Option<CalendarDate> {
        self.since
    }

    pub fn until(&self) -> Option<CalendarDate> {
        self.until
    }

    pub fn is_open(&self) -> bool {
        self.since.is_none() && self.until.is_none()
    }

    pub fn contains(&self, date: CalendarDate) -> bool {
        self.since.is_none_or(|s| date >= s) && self.until.is_none_or(|u| date <= u)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_days_parse_and_print_back() {
        let date = CalendarDate::parse("2024-02-29").unwrap();
        assert_eq!(date.to_string(), "2024-02-29");
    }

    #[test]
    fn impossible_days_are_named() {
        assert_eq!(
            CalendarDate::parse("2024-02-30"),
            Err(InvalidDate::NoSuchDay("2024-02-30".into()))
        );
        assert!(matches!(
            CalendarDate::parse("2023-02-29"),
            Err(InvalidDate::NoSuchDay(_))
        ));
    }

    #[test]
    fn other_shapes_are_format_errors() {
        for bad in [
            "2024-2-3",
            "24-02-03",
            "2024/02/03",
            "2024-02-03T00:00:00Z",
            "",
            "２０２４-02-03",
        ] {
            assert!(
                matches!(CalendarDate::parse(bad), Err(InvalidDate::Format(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn ranges_reject_since_after_until_and_include_both_ends() {
        let d = |s| CalendarDate::parse(s).unwrap();
        assert!(DateRange::new(Some(d("2026-03-02")), Some(d("2026-03-01"))).is_err());
        let range = DateRange::new(Some(d("2026-03-01")), Some(d("2026-03-31"))).unwrap();
        assert!(range.contains(d("2026-03-01")) && range.contains(d("2026-03-31")));
        assert!(!range.contains(d("2026-04-01")));
        assert!(DateRange::default().contains(d("1999-01-01")));
    }
}
