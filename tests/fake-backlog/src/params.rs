//! Request parameters with Backlog's conventions, for the query string and for writes.
//!
//! Keys are percent-decoded, so `statusId%5B%5D` and `statusId[]` are the same key.
//! Array parameters are repeated `name[]=v` keys; malformed values are a 400 naming
//! the parameter. Write parameters (POST / PATCH / DELETE) come from the
//! `application/x-www-form-urlencoded` body and, like a servlet's request parameters,
//! also from the query string (minus `apiKey`). Absent and empty are different on
//! updates: a lone `categoryId[]=` clears the list, while a missing parameter leaves
//! the value ([`Params::raw`], [`Params::sent_ids`]).

use crate::errors::ApiError;
use axum::extract::Extension;
use backlog_mcp::domain::calendar_date::CalendarDate;
use backlog_mcp::domain::changes::Change;
use backlog_mcp::domain::issue_filter::{PageSize, SortOrder};
use chrono::NaiveDate;
use std::sync::Arc;

/// A handler's query parameters (put into the request extensions by
/// [`crate::pipeline`]).
pub(crate) type Query = Extension<Arc<Params>>;
/// A handler's write parameters (form body plus query).
pub(crate) type Form = Extension<Arc<WriteParams>>;

/// Decoded pairs, in request order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Params {
    pairs: Vec<(String, String)>,
}

/// The write parameters of a request (query first, then a form body), kept in the
/// request extensions beside its query [`Params`].
#[derive(Debug, Clone, Default)]
pub(crate) struct WriteParams(pub Params);

impl std::ops::Deref for WriteParams {
    type Target = Params;
    fn deref(&self) -> &Params {
        &self.0
    }
}

/// The pairs of a form-encoded body or query string.
pub(crate) fn decode(raw: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(raw)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

impl Params {
    /// Parses a raw query string (without the `?`).
    pub fn parse(raw: &str) -> Params {
        Params {
            pairs: decode(raw.as_bytes()),
        }
    }

    /// The query's pairs (without `apiKey`) followed by a form body's. Other bodies
    /// (JSON, multipart) carry no parameters, as for Backlog.
    pub fn write(query: &Params, body: Vec<(String, String)>) -> WriteParams {
        let mut pairs: Vec<_> = query
            .pairs
            .iter()
            .filter(|(k, _)| k != "apiKey")
            .cloned()
            .collect();
        pairs.extend(body);
        WriteParams(Params { pairs })
    }

    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }

    /// The first value of a scalar parameter: `None` when absent, `Some("")` when sent
    /// empty.
    pub fn raw(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first value of a scalar parameter; an empty value counts as absent.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.raw(name).filter(|v| !v.is_empty())
    }

    /// A text parameter that must be present and not blank.
    pub fn required_text(&self, name: &str) -> Result<&str, ApiError> {
        self.raw(name)
            .filter(|v| !v.trim().is_empty())
            .ok_or_else(|| missing(name))
    }

    /// Every value of an array parameter `name[]`. Only the bracketed key counts: like
    /// Backlog, a bare `name=v` is not an array parameter and is ignored, so a client
    /// that forgets the brackets sees its filter silently dropped here too.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(k, v)| !v.is_empty() && k.strip_prefix(name) == Some("[]"))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    pub fn int(&self, name: &str) -> Result<Option<i64>, ApiError> {
        self.get(name).map(|v| int(name, v)).transpose()
    }

    /// An integer parameter that must lie in `min..=max` when present.
    pub fn int_in(&self, name: &str, min: i64, max: i64) -> Result<Option<i64>, ApiError> {
        match self.int(name)? {
            Some(v) if !(min..=max).contains(&v) => Err(ApiError::invalid(format!(
                "{name} must be between {min} and {max}: {v}"
            ))),
            other => Ok(other),
        }
    }

    /// Every value of `name[]`, each a number.
    pub fn ints(&self, name: &str) -> Result<Vec<i64>, ApiError> {
        let key = format!("{name}[]");
        self.all(name).into_iter().map(|v| int(&key, v)).collect()
    }

    /// A `yyyy-MM-dd` date parameter.
    pub fn date(&self, name: &str) -> Result<Option<NaiveDate>, ApiError> {
        self.get(name).map(|v| date(name, v)).transpose()
    }

    /// `true` / `false`.
    pub fn bool(&self, name: &str) -> Result<Option<bool>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some("true") => Ok(Some(true)),
            Some("false") => Ok(Some(false)),
            Some(v) => Err(ApiError::invalid(format!(
                "{name} must be true or false: {v}"
            ))),
        }
    }

    pub fn required_bool(&self, name: &str) -> Result<bool, ApiError> {
        self.bool(name)?.ok_or_else(|| missing(name))
    }

    /// `order`: `asc` / `desc`, default `desc`.
    pub fn sort_order(&self) -> Result<SortOrder, ApiError> {
        match self.get("order") {
            None | Some("desc") => Ok(SortOrder::Desc),
            Some("asc") => Ok(SortOrder::Asc),
            Some(v) => Err(ApiError::invalid(format!("order must be asc or desc: {v}"))),
        }
    }

    /// `count`: 1–100, default 20.
    pub fn page_size(&self) -> Result<PageSize, ApiError> {
        let count = self.int_in("count", 1, 100)?.unwrap_or(20);
        PageSize::new(count).map_err(|e| ApiError::invalid(format!("count: {e}")))
    }

    /// `offset`: 0 or more, default 0.
    pub fn offset(&self) -> Result<u64, ApiError> {
        let offset = self.int("offset")?.unwrap_or(0);
        u64::try_from(offset)
            .map_err(|_| ApiError::invalid(format!("offset must be 0 or more: {offset}")))
    }

    /// An id parameter; a value that is no id is a 400 naming it.
    pub fn id<T, E>(
        &self,
        name: &str,
        make: fn(i64) -> Result<T, E>,
    ) -> Result<Option<T>, ApiError> {
        self.int(name)?
            .map(|v| make(v).map_err(|_| not_an_id(name, v)))
            .transpose()
    }

    pub fn required_id<T, E>(
        &self,
        name: &str,
        make: fn(i64) -> Result<T, E>,
    ) -> Result<T, ApiError> {
        self.id(name, make)?.ok_or_else(|| missing(name))
    }

    /// Every value of `name[]` as an id; a value that is no id is a 400 naming it.
    pub fn ids<T, E>(&self, name: &str, make: fn(i64) -> Result<T, E>) -> Result<Vec<T>, ApiError> {
        let key = format!("{name}[]");
        self.ints(name)?
            .into_iter()
            .map(|v| make(v).map_err(|_| not_an_id(&key, v)))
            .collect()
    }

    /// [`Self::ids`] when a `name[]` key was sent at all, else `None` (a lone
    /// `name[]=` is `Some([])`: clear).
    pub fn sent_ids<T, E>(
        &self,
        name: &str,
        make: fn(i64) -> Result<T, E>,
    ) -> Result<Option<Vec<T>>, ApiError> {
        let sent = self
            .pairs
            .iter()
            .any(|(k, _)| k.strip_prefix(name) == Some("[]"));
        sent.then(|| self.ids(name, make)).transpose()
    }

    /// A `yyyy-MM-dd` day.
    pub fn day(&self, name: &str) -> Result<Option<CalendarDate>, ApiError> {
        Ok(self.date(name)?.map(CalendarDate::from_naive))
    }

    /// An update's value: absent keeps, sent empty clears, else `value`.
    pub fn change<T>(&self, name: &str, value: Option<T>) -> Change<T> {
        match (self.raw(name), value) {
            (None, _) => Change::Keep,
            (Some(_), Some(v)) => Change::Set(v),
            (Some(_), None) => Change::Clear,
        }
    }

    /// An update's day: absent keeps, sent empty clears.
    pub fn day_change(&self, name: &str) -> Result<Change<CalendarDate>, ApiError> {
        Ok(self.change(name, self.day(name)?))
    }
}

fn not_an_id(name: &str, v: i64) -> ApiError {
    ApiError::invalid(format!("{name} is not an id: {v}"))
}

/// 400 naming a required parameter.
pub(crate) fn missing(name: &str) -> ApiError {
    ApiError::invalid(format!("{name} is required."))
}

fn int(name: &str, v: &str) -> Result<i64, ApiError> {
    v.trim()
        .parse::<i64>()
        .map_err(|_| ApiError::invalid(format!("{name} must be a number: {v}")))
}

pub(crate) fn date(name: &str, v: &str) -> Result<NaiveDate, ApiError> {
    NaiveDate::parse_from_str(v, "%Y-%m-%d")
        .ok()
        .filter(|_| v.len() == 10)
        .ok_or_else(|| {
            ApiError::invalid(format!("{name} must be a date in yyyy-MM-dd format: {v}"))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(v: i64) -> Result<i64, ()> {
        Ok(v)
    }

    fn form(body: &str) -> WriteParams {
        Params::write(&Params::parse("apiKey=k&x=1"), decode(body.as_bytes()))
    }

    #[test]
    fn array_keys_raw_and_encoded() {
        let q = Params::parse("statusId[]=1&statusId%5B%5D=2&statusId=3&statusIds[]=9&statusId[]=");
        assert_eq!(q.all("statusId"), ["1", "2"]);
    }

    #[test]
    fn absent_empty_and_set() {
        let f =
            form("assigneeId=&dueDate=2024-06-01&categoryId%5B%5D=&versionId[]=3&versionId[]=4");
        assert_eq!(f.raw("assigneeId"), Some(""));
        assert!(f.date("dueDate").unwrap().is_some());
        assert_eq!(f.sent_ids("categoryId", plain).unwrap(), Some(vec![]));
        assert_eq!(f.sent_ids("versionId", plain).unwrap(), Some(vec![3, 4]));
        assert_eq!(f.sent_ids("milestoneId", plain).unwrap(), None);
        assert_eq!(f.raw("x"), Some("1"), "query parameters count");
        assert_eq!(f.raw("apiKey"), None);
    }

    #[test]
    fn dates_are_strict_and_errors_name_the_parameter() {
        let f = form("summary=%20&a=2024-06-01&b=2024-6-1&c=2024/06/01");
        assert!(f.date("a").unwrap().is_some());
        assert!(f.date("b").unwrap_err().message.contains('b'));
        assert!(f.date("c").is_err());
        let summary = f.required_text("summary").unwrap_err();
        assert!(summary.message.contains("summary"));
    }
}
