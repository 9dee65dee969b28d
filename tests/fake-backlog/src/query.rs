//! Query-string access with Backlog's conventions: array parameters are repeated
//! `name[]=v` keys (raw or percent-encoded brackets, both decode to the same key),
//! and malformed values are a 400 naming the parameter.

use crate::errors::ApiError;
use chrono::NaiveDate;

/// Decoded query pairs, in request order.
#[derive(Debug, Clone, Default)]
pub struct QueryParams {
    pairs: Vec<(String, String)>,
}

impl QueryParams {
    /// Parses a raw query string (without the `?`). Keys are percent-decoded, so
    /// `statusId%5B%5D` and `statusId[]` are the same key.
    pub fn parse(raw: &str) -> QueryParams {
        QueryParams {
            pairs: form_urlencoded::parse(raw.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        }
    }

    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }

    /// The first value of a scalar parameter; an empty value counts as absent.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, v)| k == name && !v.is_empty())
            .map(|(_, v)| v.as_str())
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
        self.get(name)
            .map(|v| {
                v.trim()
                    .parse::<i64>()
                    .map_err(|_| ApiError::invalid(format!("{name} must be a number: {v}")))
            })
            .transpose()
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
        self.all(name)
            .into_iter()
            .map(|v| {
                v.trim()
                    .parse::<i64>()
                    .map_err(|_| ApiError::invalid(format!("{name}[] must be a number: {v}")))
            })
            .collect()
    }

    /// A `yyyy-MM-dd` date parameter.
    pub fn date(&self, name: &str) -> Result<Option<NaiveDate>, ApiError> {
        self.get(name)
            .map(|v| {
                NaiveDate::parse_from_str(v, "%Y-%m-%d")
                    .ok()
                    .filter(|_| v.len() == 10)
                    .ok_or_else(|| {
                        ApiError::invalid(format!(
                            "{name} must be a date in yyyy-MM-dd format: {v}"
                        ))
                    })
            })
            .transpose()
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

    /// `asc` / `desc`, default `desc`; true means ascending.
    pub fn ascending(&self) -> Result<bool, ApiError> {
        match self.get("order") {
            None | Some("desc") => Ok(false),
            Some("asc") => Ok(true),
            Some(v) => Err(ApiError::invalid(format!("order must be asc or desc: {v}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_keys_raw_and_encoded() {
        let q = QueryParams::parse(
            "statusId[]=1&statusId%5B%5D=2&statusId=3&statusIds[]=9&statusId[]=",
        );
        assert_eq!(q.all("statusId"), ["1", "2"]);
    }

    #[test]
    fn dates_are_strict() {
        let q = QueryParams::parse("a=2024-06-01&b=2024-6-1&c=2024/06/01");
        assert!(q.date("a").unwrap().is_some());
        assert!(q.date("b").is_err());
        assert!(q.date("c").is_err());
    }
}
