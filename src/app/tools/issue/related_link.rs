//! The answer of the tools that link and unlink related issues.

use super::get_issue::compact_issue;
use crate::app::context::AppContext;
use crate::app::tooling::{Projected, ToolError};
use crate::app::views::IssueView;
use crate::ports::IssueRef;
use schemars::JsonSchema;
use serde::Serialize;

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RelatedLink {
    /// The issue the change was made on.
    pub issue: String,
    /// The issue linked or unlinked.
    pub related: Projected<IssueView>,
}

pub fn link(
    app: &AppContext,
    issue: &IssueRef,
    related: &crate::domain::issue::Issue,
) -> Result<RelatedLink, ToolError> {
    Ok(RelatedLink {
        issue: issue.to_string(),
        related: compact_issue(app, related)?,
    })
}
