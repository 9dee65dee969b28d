//! Write parameters (POST / PATCH / DELETE) with Backlog's conventions.
//!
//! Parameters come from the `application/x-www-form-urlencoded` body, and, like a
//! servlet's request parameters, also from the query string (minus `apiKey`). Keys are
//! percent-decoded, so `categoryId%5B%5D` and `categoryId[]` are the same key.
//!
//! Absent and empty are different on updates: a lone `categoryId[]=` clears the
//! list, while a missing parameter leaves the value.

use crate::errors::ApiError;
use crate::query::QueryParams;
use chrono::NaiveDate;

/// Decoded write parameters, in request order (query first, then body).
#[derive(Debug, Clone, Default)]
pub(crate) struct FormParams {
    pairs: Vec<(String, String)>,
}

impl FormParams {
    /// The query's pairs (without `apiKey`) followed by the body's, when the body is a
    /// form. Other bodies (JSON, multipart) carry no parameters, as for Backlog.
    pub fn new(query: &QueryParams, body: &[u8], body_is_form: bool) -> FormParams {
        let mut pairs: Vec<(String, String)> = query
            .pairs()
            .iter()
            .filter(|(k, _)| k != "apiKey")
            .cloned()
            .collect();
        if body_is_form {
            pairs.extend(
                form_urlencoded::parse(body).map(|(k, v)| (k.into_owned(), v.into_owned())),
            );
        }
        FormParams { pairs }
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

    /// A text parameter; empty counts as absent.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.raw(name).filter(|v| !v.is_empty())
    }

    /// A text parameter that must be present and not blank.
    pub fn required_text(&self, name: &str) -> Result<&str, ApiError> {
        self.raw(name)
            .filter(|v| !v.trim().is_empty())
            .ok_or_else(|| missing(name))
    }

    /// A number; empty counts as absent.
    pub fn int(&self, name: &str) -> Result<Option<i64>, ApiError> {
        self.text(name).map(|v| int(name, v)).transpose()
    }

    pub fn required_int(&self, name: &str) -> Result<i64, ApiError> {
        self.int(name)?.ok_or_else(|| missing(name))
    }

    /// `true` / `false`; empty counts as absent.
    pub fn bool(&self, name: &str) -> Result<Option<bool>, ApiError> {
        match self.text(name) {
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

    /// A `yyyy-MM-dd` date; empty counts as absent.
    pub fn date(&self, name: &str) -> Result<Option<NaiveDate>, ApiError> {
        self.text(name).map(|v| date(name, v)).transpose()
    }

    /// The values of the array parameter `name[]`: `None` when no `name[]` key was sent,
    /// else the non-empty values as numbers (so a lone `name[]=` is `Some([])`: clear).
    /// A bracket-less `name=` is not the array parameter and is ignored.
    pub fn ints(&self, name: &str) -> Result<Option<Vec<i64>>, ApiError> {
        let mut sent = false;
        let mut values = Vec::new();
        for (k, v) in &self.pairs {
            if k.strip_prefix(name) == Some("[]") {
                sent = true;
                if !v.is_empty() {
                    values.push(int(&format!("{name}[]"), v)?);
                }
            }
        }
        Ok(sent.then_some(values))
    }
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

    fn form(body: &str) -> FormParams {
        FormParams::new(&QueryParams::parse("apiKey=k&x=1"), body.as_bytes(), true)
    }

    #[test]
    fn absent_empty_and_set() {
        let f =
            form("assigneeId=&dueDate=2024-06-01&categoryId%5B%5D=&versionId[]=3&versionId[]=4");
        assert_eq!(f.raw("assigneeId"), Some(""));
        assert!(f.date("dueDate").unwrap().is_some());
        assert_eq!(f.ints("categoryId").unwrap(), Some(vec![]));
        assert_eq!(f.ints("versionId").unwrap(), Some(vec![3, 4]));
        assert_eq!(f.ints("milestoneId").unwrap(), None);
        assert_eq!(f.raw("x"), Some("1"), "query parameters count");
        assert_eq!(f.raw("apiKey"), None);
    }

    #[test]
    fn errors_name_the_parameter() {
        let f = form("summary=%20&estimatedHours=-1&startDate=2024-6-1");
        assert!(
            f.required_text("summary")
                .unwrap_err()
                .message
                .contains("summary")
        );
        assert!(
            f.date("startDate")
                .unwrap_err()
                .message
                .contains("startDate")
        );
    }
}
