//! Sort order in arguments.

use crate::domain::issue_filter::SortOrder;
use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    Asc,
    Desc,
}

impl Order {
    pub fn into_sort_order(self) -> SortOrder {
        match self {
            Self::Asc => SortOrder::Asc,
            Self::Desc => SortOrder::Desc,
        }
    }
}
