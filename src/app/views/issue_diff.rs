//! What changed between two versions of an issue, field by field.

use super::comment_view::ChangeView;
use super::issue_view::IssueView;
use serde_json::Value;

/// Fields that change with every write and say nothing about it.
const BOOKKEEPING: [&str; 3] = ["updated", "updatedUser", "url"];

pub fn issue_changes(before: &IssueView, after: &IssueView) -> Vec<ChangeView> {
    let (Ok(Value::Object(old)), Ok(Value::Object(new))) =
        (serde_json::to_value(before), serde_json::to_value(after))
    else {
        return Vec::new();
    };
    let mut fields: Vec<&String> = old.keys().chain(new.keys()).collect();
    fields.dedup();
    let mut seen = std::collections::HashSet::new();
    fields
        .into_iter()
        .filter(|f| seen.insert(*f) && !BOOKKEEPING.contains(&f.as_str()))
        .filter(|f| old.get(*f) != new.get(*f))
        .map(|f| ChangeView::new(f.clone(), old.get(f).map(text), new.get(f).map(text)))
        .collect()
}

/// A value as a person reads it: strings bare, lists joined.
pub fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(text).collect::<Vec<_>>().join(", "),
        Value::Object(map) => map
            .get("name")
            .map(text)
            .unwrap_or_else(|| value.to_string()),
        other => other.to_string(),
    }
}
