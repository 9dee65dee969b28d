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
    serde_path_to_error::deserialize(Value::Object(arguments)).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner().to_string();
        let parameter = if path == "." {
            inner
                .split('`')
                .nth(1)
                .map(str::to_owned)
                .unwrap_or_else(|| "arguments".to_owned())
        } else {
            path
        };
        ToolError::argument(parameter, inner)
    })
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
    }

    fn known() -> KnownParameters {
        KnownParameters(vec!["ids".into(), "issue_key".into()])
    }

    fn parse(value: Value) -> Result<Args, ToolError> {
        let Value::Object(map) = value else {
            unreachable!()
        };
        parse_arguments(map, &known())
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
            "invalid argument `issueKey`: this tool has no such parameter; did you mean `issue_key`? its parameters are: ids, issue_key"
        );
        let missing = parse(json!({})).unwrap_err();
        assert!(missing.to_string().contains("`issue_key`"), "{missing}");
    }
}
