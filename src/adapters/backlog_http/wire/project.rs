use super::{WireResult, id};
use crate::domain::ids::ProjectId;
use crate::domain::keys::ProjectKey;
use crate::domain::project::Project;
use serde::Deserialize;

use super::WireError;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireProject {
    pub id: i64,
    pub project_key: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub archived: bool,
    #[serde(default)]
    pub chart_enabled: bool,
    #[serde(default)]
    pub subtasking_enabled: bool,
    #[serde(default)]
    pub project_leader_can_edit_project_leader: bool,
    #[serde(default)]
    pub text_formatting_rule: Option<String>,
}

impl WireProject {
    pub fn into_project(self) -> WireResult<Project> {
        Ok(Project {
            id: id("project id", self.id, ProjectId::new)?,
            key: ProjectKey::parse(&self.project_key)
                .map_err(|e| WireError(format!("project key: {e}")))?,
            name: self.name,
            archived: self.archived,
            chart_enabled: self.chart_enabled,
            subtasking_enabled: self.subtasking_enabled,
            project_leader_can_edit_project_leader: self.project_leader_can_edit_project_leader,
            text_formatting_rule: self
                .text_formatting_rule
                .unwrap_or_else(|| "markdown".to_owned()),
        })
    }
}
