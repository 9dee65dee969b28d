//! Activity paging parameters shared by the space and user activity tools.

use crate::app::tooling::ToolError;
use crate::app::tooling::validate::page_size;
use crate::domain::activity::{ACTIVITY_TYPES, ActivityQuery};
use crate::domain::ids::ActivityId;
use crate::domain::issue_filter::SortOrder;
use schemars::JsonSchema;
use serde::Deserialize;

use super::paging::Order;

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ActivityArgs {
    /// Activity types to include (1 IssueCreated, 2 IssueUpdated, 3 IssueCommented,
    /// 4 IssueDeleted, 5–7 wiki, 8–10 files, 11 SVN, 12–13 git, 14 IssueMultiUpdated,
    /// 15–16 project users, 17 notify, 18–21 pull requests, 22–24 milestones…). Default: all.
    #[serde(default)]
    pub activity_type_id: Option<Vec<i64>>,
    /// Only activities with a larger id.
    #[serde(default)]
    pub min_id: Option<i64>,
    /// Only activities with a smaller id.
    #[serde(default)]
    pub max_id: Option<i64>,
    /// How many, 1–100 (default 20).
    #[serde(default)]
    pub count: Option<i64>,
    /// desc (newest first, default) or asc.
    #[serde(default)]
    pub order: Option<Order>,
}

impl ActivityArgs {
    pub fn to_query(&self) -> Result<ActivityQuery, ToolError> {
        let types = self.activity_type_id.clone().unwrap_or_default();
        if let Some(unknown) = types
            .iter()
            .find(|t| **t != -1 && !ACTIVITY_TYPES.iter().any(|(id, _)| id == *t))
        {
            return Err(ToolError::argument(
                "activityTypeId",
                format!("{unknown} is not an activity type"),
            ));
        }
        let id = |name: &str, value: Option<i64>| {
            value
                .map(|v| ActivityId::new(v).map_err(|e| ToolError::argument(name, e)))
                .transpose()
        };
        Ok(ActivityQuery {
            type_ids: types.into_iter().filter(|t| *t != -1).collect(),
            min_id: id("minId", self.min_id)?,
            max_id: id("maxId", self.max_id)?,
            count: page_size("count", self.count, 20)?,
            order: self.order.map_or(SortOrder::Desc, Order::into_sort_order),
        })
    }
}
