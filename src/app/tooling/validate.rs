//! Turning raw argument values into domain values, with errors that name the parameter.

use super::tool_error::ToolError;
use crate::domain::calendar_date::{CalendarDate, DateRange};
use crate::domain::changes::Change;
use crate::domain::ids::InvalidId;
use crate::domain::issue_filter::PageSize;
use crate::domain::zone::DisplayZone;

/// Refuses a text that is empty or only white space, saying `why` (what it is
/// and, where it helps, what to give instead); answers it trimmed.
pub fn not_blank<'a>(parameter: &str, text: &'a str, why: &str) -> Result<&'a str, ToolError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(ToolError::argument(parameter, why));
    }
    Ok(trimmed)
}

/// Refuses a change that would change nothing, saying what to `give`.
pub fn nothing_to_change(parameter: &str, give: &str) -> ToolError {
    ToolError::argument(parameter, format!("nothing to change: give {give}"))
}

/// A list of positive ids; an absent list is empty.
pub fn ids<I>(
    parameter: &str,
    values: Option<&[i64]>,
    make: impl Fn(i64) -> Result<I, InvalidId>,
) -> Result<Vec<I>, ToolError> {
    values
        .unwrap_or_default()
        .iter()
        .map(|v| make(*v).map_err(|e| ToolError::argument(parameter, e)))
        .collect()
}

pub fn date(parameter: &str, value: Option<&str>) -> Result<Option<CalendarDate>, ToolError> {
    value
        .map(|v| CalendarDate::parse(v).map_err(|e| ToolError::argument(parameter, e)))
        .transpose()
}

/// A range from a `*_since` and a `*_until` parameter; since must not be after until.
pub fn date_range(
    (since_name, since): (&str, Option<&str>),
    (until_name, until): (&str, Option<&str>),
) -> Result<DateRange, ToolError> {
    let since = date(since_name, since)?;
    let until = date(until_name, until)?;
    DateRange::new(since, until).map_err(|e| {
        ToolError::argument(
            since_name,
            format!(
                "{since_name} ({}) is after {until_name} ({}); swap them or widen the range",
                e.since, e.until
            ),
        )
    })
}

/// An optional date argument where `null` (or "") empties the date:
/// absent → keep, null → clear, a day → set.
pub fn change_date(
    parameter: &str,
    value: &Option<Option<String>>,
) -> Result<Change<CalendarDate>, ToolError> {
    Ok(match value {
        None => Change::Keep,
        Some(None) => Change::Clear,
        Some(Some(text)) if text.trim().is_empty() => Change::Clear,
        Some(Some(text)) => date(parameter, Some(text))?.map_or(Change::Clear, Change::Set),
    })
}

/// An optional value where `null` empties it: absent → keep, null → clear.
pub fn change<T: Clone>(value: &Option<Option<T>>) -> Change<T> {
    match value {
        None => Change::Keep,
        Some(None) => Change::Clear,
        Some(Some(v)) => Change::Set(v.clone()),
    }
}

/// A page size of 1 to 100, `default` when absent.
pub fn page_size(parameter: &str, value: Option<i64>, default: i64) -> Result<PageSize, ToolError> {
    PageSize::new(value.unwrap_or(default)).map_err(|e| ToolError::argument(parameter, e))
}

/// The requested timezone, or the server's default.
pub fn zone(value: Option<&str>, default: DisplayZone) -> Result<DisplayZone, ToolError> {
    match value {
        Some(name) => DisplayZone::parse(name).map_err(|e| ToolError::argument("timezone", e)),
        None => Ok(default),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::ProjectId;

    #[test]
    fn bad_values_name_their_parameter() {
        let error = ids("project_ids", Some(&[3, 0]), ProjectId::new).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid argument `project_ids`: 0 is not a valid id: Backlog ids are positive integers"
        );
        let error = date("due_date_since", Some("2024-02-30")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid argument `due_date_since`: 2024-02-30 is not a day of the calendar"
        );
    }

    #[test]
    fn inverted_ranges_name_both_ends() {
        let error = date_range(
            ("created_since", Some("2026-03-02")),
            ("created_until", Some("2026-03-01")),
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid argument `created_since`: created_since (2026-03-02) is after created_until (2026-03-01); swap them or widen the range"
        );
    }
}
