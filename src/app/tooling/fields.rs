//! `fields`: list tools answer with a compact default set of each item's
//! fields; a caller may name the fields it wants instead, to pick fewer or to
//! widen the answer (description, custom fields…).

use super::tool_error::ToolError;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Serialize, Serializer};
use serde_json::Value;
use std::borrow::Cow;
use std::sync::Arc;

/// An item view with selectable fields. `FIELDS` lists every field name the
/// view serializes; `DEFAULT_FIELDS` the ones answered without `fields`;
/// `KEY_FIELDS` are always included so items stay identifiable.
pub trait FieldView: Serialize {
    const FIELDS: &'static [&'static str];
    const DEFAULT_FIELDS: &'static [&'static str];
    const KEY_FIELDS: &'static [&'static str];
}

/// The fields to answer with.
#[derive(Debug, Clone)]
pub struct FieldSelection(Arc<Vec<&'static str>>);

impl FieldSelection {
    /// The default fields, or the requested ones (plus the key fields).
    pub fn choose<V: FieldView>(requested: Option<&[String]>) -> Result<Self, ToolError> {
        let Some(requested) = requested.filter(|r| !r.is_empty()) else {
            return Ok(Self(Arc::new(V::DEFAULT_FIELDS.to_vec())));
        };
        let mut chosen: Vec<&'static str> = V::KEY_FIELDS.to_vec();
        for name in requested {
            let Some(field) = V::FIELDS.iter().find(|f| **f == name.as_str()) else {
                return Err(ToolError::argument(
                    "fields",
                    format!(
                        "unknown field `{}`; the fields are: {}",
                        crate::domain::excerpt::excerpt(name),
                        V::FIELDS.join(", ")
                    ),
                ));
            };
            if !chosen.contains(field) {
                chosen.push(field);
            }
        }
        Ok(Self(Arc::new(chosen)))
    }

    /// The view's default fields and `extra` besides, whatever the call asked.
    pub fn defaults_and<V: FieldView>(extra: &[&'static str]) -> Self {
        let mut fields = V::DEFAULT_FIELDS.to_vec();
        fields.extend_from_slice(extra);
        Self(Arc::new(fields))
    }

    pub fn contains(&self, field: &str) -> bool {
        self.0.contains(&field)
    }

    /// Every item as its view, each serialized with these fields: the items of
    /// a list answer.
    pub fn project<T, V>(
        &self,
        items: impl IntoIterator<Item = T>,
        view: impl FnMut(T) -> V,
    ) -> Vec<Projected<V>> {
        items
            .into_iter()
            .map(view)
            .map(|v| Projected::new(v, self))
            .collect()
    }
}

/// A view serialized with only the selected fields. Its schema is the view's
/// with only the key fields required: any other field may be left out.
#[derive(Debug, Clone)]
pub struct Projected<V> {
    view: V,
    fields: FieldSelection,
}

impl<V> Projected<V> {
    pub fn new(view: V, fields: &FieldSelection) -> Self {
        Self {
            view,
            fields: fields.clone(),
        }
    }

    pub fn view(&self) -> &V {
        &self.view
    }
}

impl<V: Serialize> Serialize for Projected<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match serde_json::to_value(&self.view).map_err(serde::ser::Error::custom)? {
            Value::Object(mut map) => {
                map.retain(|key, _| self.fields.contains(key));
                map.serialize(serializer)
            }
            other => other.serialize(serializer),
        }
    }
}

impl<V: FieldView + JsonSchema> JsonSchema for Projected<V> {
    fn schema_name() -> Cow<'static, str> {
        V::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Owned(format!("Projected<{}>", V::schema_id()))
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = V::json_schema(generator);
        if let Some(Value::Array(required)) = schema.get_mut("required") {
            required.retain(|name| {
                name.as_str()
                    .is_some_and(|name| V::KEY_FIELDS.contains(&name))
            });
            if required.is_empty() {
                schema.remove("required");
            }
        }
        schema
    }
}

/// The `fields` property's schema: an array of the view's field names.
pub fn fields_schema(fields: &[&str], default: &[&str]) -> Value {
    serde_json::json!({
        "type": "array",
        "items": {"type": "string", "enum": fields},
        "description": format!("Fields per item instead of the default ({}).", default.join(", ")),
    })
}
