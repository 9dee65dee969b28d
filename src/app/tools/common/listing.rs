//! The answer of tools that list a project's or the space's vocabulary.

use crate::app::tooling::{FieldSelection, FieldView, IdOrName, Projected, Truncation};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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
        let items: Vec<Projected<V>> = items
            .into_iter()
            .map(|item| Projected::new(item, fields))
            .collect();
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
    /// The project: id, key (WEB) or name; 0 or absent means use projectKey.
    #[serde(default)]
    pub project_id: Option<IdOrName>,
    /// The project key, e.g. WEB.
    #[serde(default)]
    pub project_key: Option<String>,
    #[serde(default)]
    pub fields: Option<Vec<String>>,
}

/// Only `fields`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct FieldsArgs {
    #[serde(default)]
    pub fields: Option<Vec<String>>,
}
