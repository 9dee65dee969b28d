//! Parameters that take an id also take the thing's name ("In Progress",
//! "処理中", "WEB", "t.sato", "me"…). Strings of digits are ids.

use schemars::JsonSchema;
use serde::Deserialize;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum IdOrName {
    Id(i64),
    Name(String),
}

impl IdOrName {
    /// The numeric id, also when given as a string of digits.
    pub fn as_id(&self) -> Option<i64> {
        match self {
            Self::Id(id) => Some(*id),
            Self::Name(name) => {
                let trimmed = name.trim();
                let digits = !trimmed.is_empty() && trimmed.chars().all(|c| c.is_ascii_digit());
                digits.then(|| trimmed.parse().ok()).flatten()
            }
        }
    }

    /// The name, when this is not an id.
    pub fn as_name(&self) -> Option<&str> {
        match self {
            Self::Name(name) if self.as_id().is_none() => Some(name.trim()),
            _ => None,
        }
    }
}

/// An optional list argument as a slice; absent is empty.
pub fn listed(values: &Option<Vec<IdOrName>>) -> &[IdOrName] {
    values.as_deref().unwrap_or_default()
}

impl fmt::Display for IdOrName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Id(id) => id.fmt(f),
            Self::Name(name) => f.write_str(name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_digit_strings_are_ids_other_strings_are_names() {
        let parse = |v: serde_json::Value| serde_json::from_value::<IdOrName>(v).unwrap();
        assert_eq!(parse(serde_json::json!(12)).as_id(), Some(12));
        assert_eq!(parse(serde_json::json!("12")).as_id(), Some(12));
        assert_eq!(
            parse(serde_json::json!("In Progress")).as_name(),
            Some("In Progress")
        );
        assert_eq!(
            parse(serde_json::json!(" 処理中 ")).as_name(),
            Some("処理中")
        );
        assert!(serde_json::from_value::<IdOrName>(serde_json::json!(1.5)).is_err());
    }
}
