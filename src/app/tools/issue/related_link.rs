//! The answer of the tools that link and unlink related issues.

use crate::app::context::AppContext;
use crate::app::tooling::{FieldSelection, Projected, ToolError};
use crate::app::views::IssueView;
use crate::ports::IssueRef;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::HashMap;

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
    let none = HashMap::new();
    Ok(RelatedLink {
        issue: issue.to_string(),
        related: Projected::new(
            IssueView::new(related, &app.view(app.default_zone, &none)),
            &FieldSelection::choose::<IssueView>(None)?,
        ),
    })
}
