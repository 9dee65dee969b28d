//! JSON Schemas (2020-12, as MCP asks) for tool inputs and outputs, compacted:
//! every byte here is sent to every client and often read by the model.
//! Dropped: `$schema`, titles, `default: null`, numeric `format`s, and the
//! `null` alternative of optional fields (absent and null mean the same to
//! them). A field where `null` means something ("null empties it") keeps it by
//! saying so: `#[schemars(extend("nullable" = true))]`.
//!
//! Subschemas are inlined: no `$defs`/`$ref`. Valid JSON Schema uses them, but
//! several MCP clients (GitHub Copilot CLI, Kiro, opencode, the MCP Inspector's
//! form) cannot resolve them and drop or break the tool.

use crate::ports::JsonObject;
use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};
use std::sync::Arc;

/// The schema of what a parameter struct accepts. The struct's own doc comment
/// is a note for developers; the tool's description speaks to the model.
pub fn input_schema<T: JsonSchema>() -> Arc<JsonObject> {
    let mut schema = object_schema::<T>(settings());
    schema.remove("description");
    Arc::new(schema)
}

/// The schema of what an output struct serializes to. Output schemas are a
/// contract for clients to validate against, not prose for the model (which
/// reads the answer itself), so they carry no descriptions.
pub fn output_schema<T: JsonSchema>() -> Arc<JsonObject> {
    let mut schema = object_schema::<T>(settings().for_serialize());
    strip_descriptions(&mut schema);
    Arc::new(schema)
}

fn settings() -> SchemaSettings {
    SchemaSettings::draft2020_12().with(|settings| settings.inline_subschemas = true)
}

/// Removes every `description` keyword (not properties named "description").
fn strip_descriptions(schema: &mut Map<String, Value>) {
    schema.remove("description");
    for_each_subschema(schema, strip_descriptions);
}

/// Calls `visit` on each direct subschema: properties and definitions, the
/// single-schema keywords and the members of the schema-list keywords.
fn for_each_subschema(
    schema: &mut Map<String, Value>,
    mut visit: impl FnMut(&mut Map<String, Value>),
) {
    for key in ["properties", "$defs"] {
        if let Some(Value::Object(children)) = schema.get_mut(key) {
            for child in children.values_mut() {
                if let Value::Object(child) = child {
                    visit(child);
                }
            }
        }
    }
    for key in ["items", "additionalProperties", "not"] {
        if let Some(Value::Object(child)) = schema.get_mut(key) {
            visit(child);
        }
    }
    for key in ["anyOf", "oneOf", "allOf", "prefixItems"] {
        if let Some(Value::Array(children)) = schema.get_mut(key) {
            for child in children.iter_mut() {
                if let Value::Object(child) = child {
                    visit(child);
                }
            }
        }
    }
}

fn object_schema<T: JsonSchema>(settings: SchemaSettings) -> JsonObject {
    let schema = settings.into_generator().into_root_schema_for::<T>();
    match serde_json::to_value(schema) {
        Ok(Value::Object(mut object)) => {
            compact(&mut object);
            object
        }
        _ => JsonObject::from_iter([("type".to_owned(), Value::String("object".to_owned()))]),
    }
}

const NUMBER_FORMATS: [&str; 10] = [
    "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "double",
];

/// Compacts one schema and, recursively, its subschemas.
fn compact(schema: &mut Map<String, Value>) {
    schema.remove("$schema");
    schema.remove("title");
    if schema.get("default") == Some(&Value::Null) {
        schema.remove("default");
    }
    if schema
        .get("format")
        .and_then(Value::as_str)
        .is_some_and(|f| NUMBER_FORMATS.contains(&f) || f == "float")
    {
        schema.remove("format");
    }
    let keeps_null = schema.remove("nullable") == Some(Value::Bool(true));
    if !keeps_null {
        drop_null(schema);
    }
    for_each_subschema(schema, compact);
}

/// `type: ["string", "null"]` → `type: "string"`; `anyOf: [X, {type: null}]` → X.
fn drop_null(schema: &mut Map<String, Value>) {
    if let Some(Value::Array(types)) = schema.get_mut("type") {
        types.retain(|t| t != "null");
        if let [only] = types.as_slice() {
            let only = only.clone();
            schema.insert("type".to_owned(), only);
        }
    }
    for key in ["anyOf", "oneOf"] {
        let Some(Value::Array(options)) = schema.get_mut(key) else {
            continue;
        };
        options.retain(|o| o.get("type").and_then(Value::as_str) != Some("null"));
        if options.len() == 1
            && let Some(Value::Object(only)) = options.pop()
        {
            schema.remove(key);
            for (name, value) in only {
                schema.entry(name).or_insert(value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, JsonSchema)]
    #[allow(dead_code)]
    struct Args {
        /// A count.
        #[serde(default)]
        count: Option<u64>,
        /// A name or nothing.
        #[serde(default)]
        name: Option<String>,
        /// null empties it.
        #[serde(default)]
        #[schemars(extend("nullable" = true))]
        due: Option<String>,
    }

    #[test]
    fn noise_is_dropped_and_meaningful_nulls_kept() {
        let schema = Value::Object((*input_schema::<Args>()).clone());
        assert!(schema.get("$schema").is_none() && schema.get("title").is_none());
        let properties = &schema["properties"];
        assert_eq!(
            properties["count"],
            serde_json::json!({"type": "integer", "minimum": 0, "description": "A count."})
        );
        assert_eq!(
            properties["name"],
            serde_json::json!({"type": "string", "description": "A name or nothing."})
        );
        assert_eq!(
            properties["due"]["type"],
            serde_json::json!(["string", "null"])
        );
    }
}
