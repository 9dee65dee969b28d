//! Reading a tool's JSON arguments into its typed parameter struct, with errors
//! that name the offending parameter. Parameters the tool does not have are
//! refused with the closest real name, so `issueKey` for `issue_key` is caught.

use super::tool_error::ToolError;
use crate::domain::excerpt::excerpt;
use crate::ports::JsonObject;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The parameter names a tool accepts, from its input schema.
#[derive(Debug, Clone, Default)]
pub struct KnownParameters(Vec<String>);

impl KnownParameters {
    pub fn from_schema(schema: &JsonObject) -> Self {
        let names = schema
            .get("properties")
            .and_then(Value::as_object)
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default();
        Self(names)
    }

    fn check(&self, arguments: &JsonObject) -> Result<(), ToolError> {
        for name in arguments.keys() {
            if self.0.iter().any(|known| known == name) {
                continue;
            }
            let closest = self
                .0
                .iter()
                .map(|known| {
                    (
                        strsim::jaro_winkler(&known.to_lowercase(), &name.to_lowercase()),
                        known,
                    )
                })
                .filter(|(score, _)| *score >= 0.8)
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, known)| format!("did you mean `{known}`? "))
                .unwrap_or_default();
            return Err(ToolError::argument(
                excerpt(name),
                format!(
                    "this tool has no such parameter; {closest}its parameters are: {}",
                    self.0.join(", ")
                ),
            ));
        }
        Ok(())
    }
}

pub fn parse_arguments<A: DeserializeOwned>(
    arguments: JsonObject,
    known: &KnownParameters,
) -> Result<A, ToolError> {
    known.check(&arguments)?;
    let value = Value::Object(arguments);
    serde_path_to_error::deserialize(&value).map_err(|error| {
        let path = error.path().to_string();
        let message = error.into_inner().to_string();
        let parameter = match value
            .as_object()
            .and_then(|arguments| culprit::<A>(arguments, &message, &path))
        {
            Some(culprit) if within(&path, &culprit) => path,
            Some(culprit) => culprit,
            None => missing_field(&message)
                .or((path != ".").then_some(path))
                .unwrap_or_else(|| "arguments".to_owned()),
        };
        ToolError::argument(parameter, message)
    })
}

/// Whether serde's `path` points into `parameter` (e.g. `customFields[0].value`).
fn within(path: &str, parameter: &str) -> bool {
    path.strip_prefix(parameter)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['[', '.']))
}

/// The parameter named by "missing field `issue_key`".
fn missing_field(message: &str) -> Option<String> {
    message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
        .map(str::to_owned)
}

/// The parameter whose value caused `message`. serde's `path` alone cannot be
/// trusted: inside `#[serde(flatten)]` groups it is lost or names the last
/// parameter read. The culprit is the parameter without which that error goes
/// away. A required parameter is then only reported missing, which proves
/// nothing; it is taken when serde's path points into it.
fn culprit<A: DeserializeOwned>(
    arguments: &JsonObject,
    message: &str,
    path: &str,
) -> Option<String> {
    for name in arguments.keys() {
        let mut without = arguments.clone();
        without.remove(name.as_str());
        let without = Value::Object(without);
        // The same instantiation as the parse itself: no second copy of each
        // tool's deserializer in the binary.
        match serde_path_to_error::deserialize::<_, A>(&without) {
            Ok(_) => return Some(name.clone()),
            Err(error) => {
                let error = error.into_inner().to_string();
                let only_missing = missing_field(&error).as_deref() == Some(name.as_str());
                if error != message && !only_missing {
                    return Some(name.clone());
                }
            }
        }
    }
    arguments.keys().find(|name| within(path, name)).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, Deserialize)]
    struct Args {
        #[allow(dead_code)]
        ids: Option<Vec<i64>>,
        #[allow(dead_code)]
        issue_key: String,
        #[allow(dead_code)]
        #[serde(flatten)]
        range: Range,
    }

    #[derive(Debug, Deserialize)]
    struct Range {
        #[allow(dead_code)]
        since: Option<String>,
        #[allow(dead_code)]
        until: Option<String>,
    }

    fn known() -> KnownParameters {
        let names = ["ids", "issue_key", "since", "until"];
        KnownParameters(names.map(str::to_owned).to_vec())
    }

    fn parse(value: Value) -> Result<Args, ToolError> {
        let Value::Object(map) = value else {
            unreachable!()
        };
        parse_arguments(map, &known())
    }

    #[test]
    fn a_bad_value_in_a_flattened_group_is_named_too() {
        let error = parse(json!({"issue_key": "A-1", "since": "x", "until": 5})).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid argument `until`: invalid type: integer `5`, expected a string"
        );
        let missing = parse(json!({"until": 5})).unwrap_err();
        assert!(missing.to_string().contains("`issue_key`"), "{missing}");
    }

    #[test]
    fn with_two_bad_values_the_one_reported_is_named() {
        let error = parse(json!({"issue_key": 5, "ids": "x"})).unwrap_err();
        let message = error.to_string();
        let named = if message.contains("integer `5`") {
            "issue_key"
        } else {
            "ids"
        };
        assert!(
            message.starts_with(&format!("invalid argument `{named}`")),
            "{message}"
        );
    }

    #[test]
    fn a_missing_parameter_is_named_not_the_ones_given() {
        let missing = parse(json!({"ids": [1], "since": "x"})).unwrap_err();
        assert_eq!(
            missing.to_string(),
            "invalid argument `issue_key`: missing field `issue_key`"
        );
        let bad_required = parse(json!({"ids": [1], "issue_key": 5})).unwrap_err();
        assert!(
            bad_required
                .to_string()
                .starts_with("invalid argument `issue_key`: invalid type")
        );
    }

    #[test]
    fn type_errors_name_the_parameter() {
        let error = parse(json!({"issue_key": "A-1", "ids": "abc"})).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("invalid argument `ids`: invalid type: string"),
            "{error}"
        );
    }

    #[test]
    fn unknown_parameters_suggest_the_closest_and_missing_ones_are_named() {
        let unknown = parse(json!({"issueKey": "A-1"})).unwrap_err();
        assert_eq!(
            unknown.to_string(),
            "invalid argument `issueKey`: this tool has no such parameter; did you mean `issue_key`? its parameters are: ids, issue_key, since, until"
        );
        let missing = parse(json!({})).unwrap_err();
        assert!(missing.to_string().contains("`issue_key`"), "{missing}");
    }
}
