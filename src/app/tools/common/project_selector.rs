//! The official server's `projectId`/`projectKey` pair, declared once: a tool
//! takes it with `#[serde(flatten)] project: ProjectSelector`.

use super::selectors;
use crate::app::context::AppContext;
use crate::app::tooling::{IdOrName, ToolError};
use crate::domain::project::Project;
use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProjectSelector {
    /// The project: id, key (WEB) or name; 0 or absent means use projectKey.
    #[serde(default)]
    pub project_id: Option<IdOrName>,
    /// The project key, e.g. WEB.
    #[serde(default)]
    pub project_key: Option<String>,
}

impl ProjectSelector {
    /// The project named (see [`selectors::project`]).
    pub async fn project(&self, app: &AppContext) -> Result<Project, ToolError> {
        selectors::project(app, self.project_id.as_ref(), self.project_key.as_deref()).await
    }
}
