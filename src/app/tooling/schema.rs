//! JSON Schemas (2020-12, as MCP asks) for tool inputs and outputs.

use crate::ports::JsonObject;
use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::Value;
use std::sync::Arc;

/// The schema of what a parameter struct accepts.
pub fn input_schema<T: JsonSchema>() -> Arc<JsonObject> {
    object_schema::<T>(SchemaSettings::draft2020_12())
}

/// The schema of what an output struct serializes to.
pub fn output_schema<T: JsonSchema>() -> Arc<JsonObject> {
    object_schema::<T>(SchemaSettings::draft2020_12().for_serialize())
}

fn object_schema<T: JsonSchema>(settings: SchemaSettings) -> Arc<JsonObject> {
    let schema = settings.into_generator().into_root_schema_for::<T>();
    match serde_json::to_value(schema) {
        Ok(Value::Object(object)) => Arc::new(object),
        _ => Arc::new(JsonObject::from_iter([(
            "type".to_owned(),
            Value::String("object".to_owned()),
        )])),
    }
}
