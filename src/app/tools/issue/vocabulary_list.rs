//! What the tools that list a project's vocabulary share.

use crate::app::context::AppContext;
use crate::app::tooling::ToolError;
use crate::app::tools::common::listing::ProjectListArgs;
use crate::ports::ProjectRef;

/// The project named by `projectId` or `projectKey`, by id.
pub async fn project_ref(
    app: &AppContext,
    args: &ProjectListArgs,
) -> Result<ProjectRef, ToolError> {
    let project = args.project.project(app).await?;
    Ok(ProjectRef::Id(project.id))
}
