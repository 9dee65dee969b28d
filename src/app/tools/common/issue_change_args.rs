//! The changes `update_issue` and `bulk_update_issues` both make, with the same
//! names and meanings: absent leaves a field, `null` empties a single value,
//! `[]` empties a list.

use crate::app::tooling::{IdOrName, nullable};
use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct IssueChangeArgs {
    /// The status: id or name ("Open", "In Progress", "Resolved", "Closed", "処理中",
    /// custom ones), resolved in the issue's project.
    #[serde(default)]
    pub status_id: Option<IdOrName>,
    /// The assignee: id, login id, name, or "me"; null unassigns.
    #[serde(default, deserialize_with = "nullable")]
    #[schemars(with = "Option<IdOrName>", extend("nullable" = true))]
    pub assignee_id: Option<Option<IdOrName>>,
    /// 2 High, 3 Normal, 4 Low, or the name.
    #[serde(default)]
    pub priority_id: Option<IdOrName>,
    /// 0 Fixed, 1 Won't Fix, 2 Invalid, 3 Duplication, 4 Cannot Reproduce, or the name;
    /// null empties it.
    #[serde(default, deserialize_with = "nullable")]
    #[schemars(with = "Option<IdOrName>", extend("nullable" = true))]
    pub resolution_id: Option<Option<IdOrName>>,
    /// YYYY-MM-DD; null empties it.
    #[serde(default, deserialize_with = "nullable")]
    #[schemars(with = "Option<String>", extend("nullable" = true))]
    pub start_date: Option<Option<String>>,
    /// YYYY-MM-DD; null empties it.
    #[serde(default, deserialize_with = "nullable")]
    #[schemars(with = "Option<String>", extend("nullable" = true))]
    pub due_date: Option<Option<String>>,
    /// Milestones (ids or names); [] empties the list.
    #[serde(default)]
    pub milestone_id: Option<Vec<IdOrName>>,
    /// Categories (ids or names); [] empties the list.
    #[serde(default)]
    pub category_id: Option<Vec<IdOrName>>,
    /// A comment to post with the change.
    #[serde(default)]
    pub comment: Option<String>,
}

impl IssueChangeArgs {
    /// Whether any field (not only a comment) is to change.
    pub fn changes_fields(&self) -> bool {
        self.status_id.is_some()
            || self.assignee_id.is_some()
            || self.priority_id.is_some()
            || self.resolution_id.is_some()
            || self.start_date.is_some()
            || self.due_date.is_some()
            || self.milestone_id.is_some()
            || self.category_id.is_some()
    }

    /// The comment to post, unless it is blank.
    pub fn comment_text(&self) -> Option<String> {
        self.comment.clone().filter(|c| !c.trim().is_empty())
    }
}
