//! The `fields` parameter of tools that answer with views, declared once: a
//! tool takes it with `#[serde(flatten)] fields: FieldsArgs` (or as its whole
//! arguments) and reads it with [`FieldsArgs::choose`].

use crate::app::tooling::{FieldSelection, FieldView, ToolError};
use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct FieldsArgs {
    // Described in the schema by the tool's `with_fields`: its view's fields.
    #[serde(default)]
    pub fields: Option<Vec<String>>,
}

impl FieldsArgs {
    /// The fields of `V` asked for, or its defaults; an unknown one is refused.
    pub fn choose<V: FieldView>(&self) -> Result<FieldSelection, ToolError> {
        FieldSelection::choose::<V>(self.fields.as_deref())
    }
}
