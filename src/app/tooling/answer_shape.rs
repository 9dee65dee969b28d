//! What the budget cutter reads from a tool's output schema: which properties
//! an object must keep (its `required` ones: identity and outcome, never left
//! out), and where a part that was left out can be had instead. The latter is
//! a hint on the output struct's field, `#[schemars(extend("x-rest" = "…"))]`,
//! read here and stripped from the schema clients see.

use crate::ports::JsonObject;
use serde_json::{Map, Value};
use std::sync::Arc;

/// The schema keyword of a rest hint.
const REST_HINT: &str = "x-rest";

/// A tool's output schema, as the cutter needs it. The default knows
/// nothing: every property is kept, no hints.
#[derive(Debug, Clone, Default)]
pub struct AnswerShape {
    schema: Arc<JsonObject>,
}

impl AnswerShape {
    /// The shape of answers of `schema`, and the schema to publish (without
    /// hints; the same one, shared, when it has none).
    pub fn read(schema: Arc<JsonObject>) -> (Self, Arc<JsonObject>) {
        let published = if has_hints(&schema) {
            let mut stripped = (*schema).clone();
            strip_hints(&mut stripped);
            Arc::new(stripped)
        } else {
            schema.clone()
        };
        (Self { schema }, published)
    }

    pub fn root(&self) -> Node<'_> {
        if self.schema.is_empty() {
            Node(None)
        } else {
            Node(Some(&self.schema))
        }
    }
}

/// One place in the schema; `Node(None)` where the schema says nothing.
#[derive(Debug, Clone, Copy)]
pub struct Node<'a>(Option<&'a Map<String, Value>>);

impl<'a> Node<'a> {
    /// The schema of property `key` of an object here.
    pub fn property(self, key: &str) -> Self {
        Node(self.find(&|schema| {
            schema
                .get("properties")
                .and_then(|p| p.get(key))
                .and_then(Value::as_object)
        }))
    }

    /// The schema of the items of an array here.
    pub fn items(self) -> Self {
        Node(self.find(&|schema| schema.get("items").and_then(Value::as_object)))
    }

    /// Whether an object here must have `key`. Where the schema says nothing,
    /// everything counts as required: what is not understood is never left out.
    pub fn requires(self, key: &str) -> bool {
        let Some(schema) = self.0 else {
            return true;
        };
        let mut required = false;
        visit_alternatives(schema, &mut |s| {
            required |= s
                .get("required")
                .and_then(Value::as_array)
                .is_some_and(|names| names.iter().any(|n| n.as_str() == Some(key)));
        });
        required
    }

    /// Where to get this part when it was left out.
    pub fn rest_hint(self) -> Option<&'a str> {
        self.find(&|schema| schema.get(REST_HINT).and_then(Value::as_str))
    }

    /// The first answer of `pick` on this schema or its alternatives.
    fn find<T>(self, pick: &dyn Fn(&'a Map<String, Value>) -> Option<T>) -> Option<T> {
        let schema = self.0?;
        if let Some(found) = pick(schema) {
            return Some(found);
        }
        alternatives(schema).find_map(|a| Node(Some(a)).find(pick))
    }
}

fn visit_alternatives(schema: &Map<String, Value>, visit: &mut impl FnMut(&Map<String, Value>)) {
    visit(schema);
    for alternative in alternatives(schema) {
        visit_alternatives(alternative, visit);
    }
}

/// The schemas `allOf`, `anyOf` and `oneOf` list beside this one, in order.
fn alternatives(schema: &Map<String, Value>) -> impl Iterator<Item = &Map<String, Value>> {
    ["allOf", "anyOf", "oneOf"]
        .into_iter()
        .flat_map(|key| {
            schema
                .get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
        })
        .filter_map(Value::as_object)
}

/// Whether a rest hint is anywhere in the schema.
fn has_hints(schema: &Map<String, Value>) -> bool {
    schema.contains_key(REST_HINT)
        || schema.values().any(|value| match value {
            Value::Object(child) => has_hints(child),
            Value::Array(children) => children.iter().filter_map(Value::as_object).any(has_hints),
            _ => false,
        })
}

/// Removes every rest hint, at any depth.
fn strip_hints(schema: &mut Map<String, Value>) {
    schema.remove(REST_HINT);
    for value in schema.values_mut() {
        match value {
            Value::Object(child) => strip_hints(child),
            Value::Array(children) => {
                for child in children.iter_mut().filter_map(Value::as_object_mut) {
                    strip_hints(child);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn shape(schema: Value) -> (AnswerShape, JsonObject) {
        let (shape, published) =
            AnswerShape::read(std::sync::Arc::new(schema.as_object().unwrap().clone()));
        (shape, (*published).clone())
    }

    #[test]
    fn a_schema_without_hints_is_published_as_is_without_a_copy() {
        let schema = std::sync::Arc::new(
            json!({"type": "object", "properties": {"a": {"type": "string"}}})
                .as_object()
                .unwrap()
                .clone(),
        );
        let (_, published) = AnswerShape::read(schema.clone());
        assert!(std::sync::Arc::ptr_eq(&schema, &published));
    }

    #[test]
    fn required_properties_and_hints_are_read_and_hints_are_not_published() {
        let (shape, published) = shape(json!({
            "type": "object",
            "required": ["results"],
            "properties": {
                "results": {
                    "type": "array",
                    "x-rest": "call again for fewer issues",
                    "items": {"type": "object", "required": ["issue", "outcome"],
                        "properties": {"issue": {"type": "string"}, "changes": {"type": "array"}}}
                }
            }
        }));
        let results = shape.root().property("results");
        assert_eq!(results.rest_hint(), Some("call again for fewer issues"));
        assert!(results.items().requires("issue"));
        assert!(!results.items().requires("changes"));
        assert!(!Value::Object(published).to_string().contains("x-rest"));
    }

    #[test]
    fn properties_are_found_in_alternatives() {
        let (shape, _) = shape(json!({
            "anyOf": [{"type": "null"}, {"type": "object", "required": ["id"],
                "properties": {"id": {"type": "integer", "x-rest": "hint"}}}]
        }));
        assert!(shape.root().requires("id"));
        assert_eq!(shape.root().property("id").rest_hint(), Some("hint"));
    }

    #[test]
    fn what_the_schema_does_not_describe_is_kept() {
        let shape = AnswerShape::default();
        assert!(shape.root().property("anything").items().requires("x"));
    }
}
