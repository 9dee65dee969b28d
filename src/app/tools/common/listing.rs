//! The answer of tools that list a project's or the space's vocabulary.

use crate::app::tooling::{FieldSelection, FieldView, ListSpec, Paging, Projected, Truncation};
use crate::app::tools::common::fields_args::FieldsArgs;
use crate::app::tools::common::project_selector::ProjectSelector;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The list of a [`Listing`]: its `items`, kept whole (cut only to fit the budget).
pub const LISTING: Option<ListSpec> = Some(ListSpec {
    items: "items",
    paging: Paging::Whole,
});

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(bound = "V: FieldView + JsonSchema")]
pub struct Listing<V> {
    pub count: usize,
    pub items: Vec<Projected<V>>,
    /// Set when the list was cut to fit the answer budget.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub truncated: Option<Truncation>,
}

impl<V: FieldView> Listing<V> {
    pub fn new(items: impl IntoIterator<Item = V>, fields: &FieldSelection) -> Self {
        let items = fields.project(items, |item| item);
        Self {
            count: items.len(),
            items,
            truncated: None,
        }
    }
}

/// The official server's project selector plus `fields`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProjectListArgs {
    #[serde(flatten)]
    pub project: ProjectSelector,
    #[serde(flatten)]
    pub fields: FieldsArgs,
}
