//! Reading a tool's JSON arguments into its typed parameter struct, with errors
//! that name the offending parameter.

use super::tool_error::ToolError;
use crate::ports::JsonObject;
use serde::de::DeserializeOwned;
use serde_json::Value;

pub fn parse_arguments<A: DeserializeOwned>(arguments: JsonObject) -> Result<A, ToolError> {
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
    #[serde(deny_unknown_fields)]
    struct Args {
        #[allow(dead_code)]
        ids: Option<Vec<i64>>,
        #[allow(dead_code)]
        key: String,
    }

    fn parse(value: Value) -> Result<Args, ToolError> {
        let Value::Object(map) = value else {
            unreachable!()
        };
        parse_arguments(map)
    }

    #[test]
    fn type_errors_name_the_parameter() {
        let error = parse(json!({"key": "A-1", "ids": "abc"})).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("invalid argument `ids`: invalid type: string"),
            "{error}"
        );
    }

    #[test]
    fn unknown_and_missing_parameters_are_named() {
        let unknown = parse(json!({"key": "A-1", "issueKey": "A-1"})).unwrap_err();
        assert!(unknown.to_string().contains("`issueKey`"), "{unknown}");
        let missing = parse(json!({})).unwrap_err();
        assert!(missing.to_string().contains("`key`"), "{missing}");
    }
}
