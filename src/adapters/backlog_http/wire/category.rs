use super::{WireResult, id};
use crate::domain::ids::CategoryId;
use crate::domain::project::Category;
use serde::Deserialize;

/// `GET /projects/:p/categories` items (older answers omit `projectId`).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireCategory {
    pub id: i64,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub display_order: Option<i64>,
}

impl WireCategory {
    pub fn into_category(self) -> WireResult<Category> {
        Ok(Category {
            id: id("category id", self.id, CategoryId::new)?,
            name: self.name,
            display_order: self.display_order.unwrap_or_default(),
        })
    }
}
