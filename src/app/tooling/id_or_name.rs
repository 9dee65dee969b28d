//! Parameters that take an id also take the thing's name ("In Progress",
//! "処理中", "WEB", "t.sato", "me"…). Strings of digits are ids.

use schemars::JsonSchema;
use serde::de::{self, Deserialize, Deserializer, Unexpected, Visitor};
use std::fmt;

// Deserialized by hand (the schema stays the derived `anyOf` integer/string)
// so a wrong value is reported as what it is and what is expected, not as
// serde's "data did not match any variant of untagged enum". No doc comment:
// it would become the schema's description in every tool.
#[derive(Debug, Clone, PartialEq, Eq, Hash, JsonSchema)]
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

impl<'de> Deserialize<'de> for IdOrName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(IdOrNameVisitor)
    }
}

struct IdOrNameVisitor;

impl Visitor<'_> for IdOrNameVisitor {
    type Value = IdOrName;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an id (a whole number) or a name (text)")
    }

    fn visit_i64<E: de::Error>(self, id: i64) -> Result<IdOrName, E> {
        Ok(IdOrName::Id(id))
    }

    fn visit_u64<E: de::Error>(self, id: u64) -> Result<IdOrName, E> {
        i64::try_from(id)
            .map(IdOrName::Id)
            .map_err(|_| E::invalid_value(Unexpected::Unsigned(id), &self))
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<IdOrName, E> {
        Ok(IdOrName::Name(name.to_owned()))
    }

    fn visit_string<E: de::Error>(self, name: String) -> Result<IdOrName, E> {
        Ok(IdOrName::Name(name))
    }
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
        let error = |v| {
            serde_json::from_value::<IdOrName>(v)
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            error(serde_json::json!(1.5)),
            "invalid type: floating point `1.5`, expected an id (a whole number) or a name (text)"
        );
        assert_eq!(
            error(serde_json::json!(true)),
            "invalid type: boolean `true`, expected an id (a whole number) or a name (text)"
        );
        assert!(error(serde_json::json!(u64::MAX)).starts_with("invalid value: integer"));
    }
}
