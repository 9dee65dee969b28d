//! Activity paging parameters shared by the space and user activity tools.

use crate::app::tooling::ToolError;
use crate::domain::activity::{ACTIVITY_TYPES, ActivityQuery};
use crate::domain::ids::ActivityId;
use schemars::JsonSchema;
use serde::Deserialize;

use super::id_window::IdWindow;
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
        let window = IdWindow::new(
            self.min_id,
            self.max_id,
            self.count,
            self.order,
            ActivityId::new,
        )?;
        Ok(ActivityQuery {
            type_ids: types.into_iter().filter(|t| *t != -1).collect(),
            min_id: window.min_id,
            max_id: window.max_id,
            count: window.count,
            order: window.order,
        })
    }
}
