//! Backlog's parameter encoding: repeated `name[]=v` pairs for arrays (GET query
//! strings and form bodies alike), `yyyy-MM-dd` dates, empty values to clear.

use crate::domain::calendar_date::{CalendarDate, DateRange};
use crate::domain::changes::Change;
use std::fmt::Display;

/// An ordered list of `name=value` pairs; order and repetition are kept.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params(Vec<(String, String)>);

impl Params {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, name: impl Into<String>, value: impl Display) -> &mut Self {
        self.0.push((name.into(), value.to_string()));
        self
    }

    pub fn push_opt(&mut self, name: &str, value: Option<impl Display>) -> &mut Self {
        if let Some(value) = value {
            self.push(name, value);
        }
        self
    }

    /// `name[]=a&name[]=b`; nothing when the list is empty.
    pub fn push_array<T: Display>(&mut self, name: &str, values: &[T]) -> &mut Self {
        let key = format!("{name}[]");
        for value in values {
            self.push(key.clone(), value);
        }
        self
    }

    /// `nameSince` / `nameUntil` for a date range.
    pub fn push_range(&mut self, name: &str, range: &DateRange) -> &mut Self {
        self.push_opt(&format!("{name}Since"), range.since());
        self.push_opt(&format!("{name}Until"), range.until());
        self
    }

    pub fn push_date(&mut self, name: &str, date: Option<CalendarDate>) -> &mut Self {
        self.push_opt(name, date)
    }

    /// An optional attribute on update: absent to keep it, `name=v` to set it,
    /// `name=` (empty value) to clear it, as Backlog's own clients do.
    pub fn push_change<T: Display>(&mut self, name: &str, change: &Change<T>) -> &mut Self {
        match change {
            Change::Keep => self,
            Change::Set(value) => self.push(name, value),
            Change::Clear => self.push(name, ""),
        }
    }

    /// A list attribute on update: `None` leaves it (absent), `Some(vec![])`
    /// empties it with one `name[]=` pair, otherwise `name[]=a&name[]=b`.
    pub fn push_list_change<T: Display>(&mut self, name: &str, list: Option<&[T]>) -> &mut Self {
        match list {
            None => self,
            Some([]) => self.push(format!("{name}[]"), ""),
            Some(values) => self.push_array(name, values),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }

    /// `application/x-www-form-urlencoded` text of the pairs.
    pub fn to_form_body(&self) -> String {
        url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(self.0.iter())
            .finish()
    }
}

/// The pairs as `name=value`, unencoded, for tests to compare.
#[cfg(test)]
impl Params {
    pub fn rendered(&self) -> Vec<String> {
        self.0.iter().map(|(k, v)| format!("{k}={v}")).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrays_repeat_the_bracketed_name_and_keep_order() {
        let mut params = Params::new();
        params.push_array("statusId", &[1, 2]).push("count", 100);
        assert_eq!(
            params.to_form_body(),
            "statusId%5B%5D=1&statusId%5B%5D=2&count=100"
        );
    }

    #[test]
    fn changes_keep_set_or_clear_with_an_empty_value() {
        let mut params = Params::new();
        params
            .push_change("assigneeId", &Change::<i64>::Keep)
            .push_change("dueDate", &Change::Set("2026-03-01"))
            .push_change("parentIssueId", &Change::<i64>::Clear);
        assert_eq!(params.rendered(), ["dueDate=2026-03-01", "parentIssueId="]);
    }

    #[test]
    fn an_empty_list_clears_with_one_empty_bracket_pair() {
        let mut params = Params::new();
        params
            .push_list_change::<i64>("versionId", None)
            .push_list_change::<i64>("categoryId", Some(&[]))
            .push_list_change("milestoneId", Some(&[3, 4]));
        assert_eq!(
            params.rendered(),
            ["categoryId[]=", "milestoneId[]=3", "milestoneId[]=4"]
        );
        assert_eq!(
            params.to_form_body(),
            "categoryId%5B%5D=&milestoneId%5B%5D=3&milestoneId%5B%5D=4"
        );
    }

    #[test]
    fn text_is_utf8_percent_encoded() {
        let mut params = Params::new();
        params.push("summary", "ログイン & logout");
        assert_eq!(
            params.to_form_body(),
            "summary=%E3%83%AD%E3%82%B0%E3%82%A4%E3%83%B3+%26+logout"
        );
    }
}
