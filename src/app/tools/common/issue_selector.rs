//! The official server's `issueId`/`issueKey` pair, declared once: a tool
//! takes it with `#[serde(flatten)] issue: IssueSelector`.

use super::selectors;
use crate::app::context::AppContext;
use crate::app::tooling::{IdOrName, ToolError};
use crate::domain::issue::Issue;
use crate::ports::IssueRef;
use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct IssueSelector {
    /// The issue's numeric id (or its key); 0 or absent means use issueKey.
    #[serde(default)]
    pub issue_id: Option<IdOrName>,
    /// The issue key, e.g. WEB-42.
    #[serde(default)]
    pub issue_key: Option<String>,
}

impl IssueSelector {
    /// The issue named, not yet checked against the allow-list: the port it
    /// is passed to checks it (see [`selectors::issue`]).
    pub async fn issue(&self, app: &AppContext) -> Result<IssueRef, ToolError> {
        selectors::issue(app, self.issue_id.as_ref(), self.issue_key.as_deref()).await
    }

    /// The issue named, fetched (see [`selectors::fetched_issue`]).
    pub async fn fetched(&self, app: &AppContext) -> Result<Issue, ToolError> {
        selectors::fetched_issue(app, self.issue_id.as_ref(), self.issue_key.as_deref()).await
    }
}
