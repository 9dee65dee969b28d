//! The project a version tool works on.

use crate::app::context::AppContext;
use crate::app::tooling::{IdOrName, ToolError};
use crate::app::tools::common::selectors;
use crate::domain::project::Project;

pub async fn project(
    app: &AppContext,
    id: Option<&IdOrName>,
    key: Option<&str>,
) -> Result<Project, ToolError> {
    selectors::project(app, id, key).await
}
