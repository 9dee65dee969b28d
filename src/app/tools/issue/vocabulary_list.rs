//! What the tools that list a project's or the space's vocabulary share.

use crate::app::context::AppContext;
use crate::app::tooling::{ListSpec, Paging, ToolError};
use crate::app::tools::common::listing::ProjectListArgs;
use crate::ports::ProjectRef;

/// Their list, kept whole: cut only to fit the budget.
pub const LIST: Option<ListSpec> = Some(ListSpec {
    items: "items",
    paging: Paging::Whole,
});

/// The project named by `projectId` or `projectKey`, by id.
pub async fn project_ref(
    app: &AppContext,
    args: &ProjectListArgs,
) -> Result<ProjectRef, ToolError> {
    let project = args.project.project(app).await?;
    Ok(ProjectRef::Id(project.id))
}
