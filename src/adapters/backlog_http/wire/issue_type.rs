use super::{WireResult, id};
use crate::domain::ids::{IssueTypeId, ProjectId};
use crate::domain::project::IssueType;
use serde::Deserialize;

/// `GET /projects/:p/issueTypes` items.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireIssueType {
    pub id: i64,
    #[serde(default)]
    pub project_id: Option<i64>,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub color: Option<String>,
    #[serde(default)]
    pub display_order: Option<i64>,
}

impl WireIssueType {
    pub fn into_issue_type(self) -> WireResult<IssueType> {
        Ok(IssueType {
            id: id("issue type id", self.id, IssueTypeId::new)?,
            project_id: self.project_id.and_then(|p| ProjectId::new(p).ok()),
            name: self.name,
            color: self.color,
            display_order: self.display_order.unwrap_or_default(),
        })
    }
}
