use super::{WireResult, id};
use crate::domain::ids::{IssueTypeId, ProjectId, StatusId};
use crate::domain::project::{IssueType, Status};
use serde::Deserialize;

/// `GET /projects/:p/issueTypes` and `GET /projects/:p/statuses` items: Backlog
/// sends an issue type and a status with the same fields.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireColoredItem {
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

pub type WireIssueType = WireColoredItem;
pub type WireStatus = WireColoredItem;

impl WireColoredItem {
    pub fn into_issue_type(self) -> WireResult<IssueType> {
        Ok(IssueType {
            id: id("issue type id", self.id, IssueTypeId::new)?,
            project_id: self.project(),
            name: self.name,
            color: self.color,
            display_order: self.display_order.unwrap_or_default(),
        })
    }

    pub fn into_status(self) -> WireResult<Status> {
        Ok(Status {
            id: id("status id", self.id, StatusId::new)?,
            project_id: self.project(),
            name: self.name,
            color: self.color,
            display_order: self.display_order.unwrap_or_default(),
        })
    }

    /// The project it belongs to; older answers omit it or send 0.
    fn project(&self) -> Option<ProjectId> {
        self.project_id.and_then(|p| ProjectId::new(p).ok())
    }
}
