//! The projects this server may touch (`BACKLOG_ALLOWED_PROJECTS`). Calls that
//! would touch another project are refused before anything is written; lists
//! are narrowed to the allowed projects.

use super::resolve::Metadata;
use super::tooling::ToolError;
use crate::domain::ids::ProjectId;
use crate::domain::issue::Issue;
use crate::domain::issue_filter::IssueFilter;
use crate::domain::keys::ProjectKey;
use crate::ports::{IssueRef, IssueRepository};
use std::collections::BTreeSet;

/// A project named in the allow-list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AllowedProject {
    Id(ProjectId),
    Key(ProjectKey),
}

impl AllowedProject {
    /// Reads a comma-separated list of keys and ids.
    pub fn parse_list(text: &str) -> Result<Vec<Self>, String> {
        text.split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| match item.parse::<i64>() {
                Ok(number) => ProjectId::new(number)
                    .map(Self::Id)
                    .map_err(|e| format!("BACKLOG_ALLOWED_PROJECTS: {e}")),
                Err(_) => ProjectKey::parse(item)
                    .map(Self::Key)
                    .map_err(|e| format!("BACKLOG_ALLOWED_PROJECTS: {e}")),
            })
            .collect()
    }
}

#[derive(Debug, Clone, Default)]
pub struct ProjectScope {
    allowed: Vec<AllowedProject>,
}

impl ProjectScope {
    /// Every project.
    pub fn unrestricted() -> Self {
        Self::default()
    }

    pub fn only(allowed: Vec<AllowedProject>) -> Self {
        Self { allowed }
    }

    pub fn is_restricted(&self) -> bool {
        !self.allowed.is_empty()
    }

    fn describe(&self) -> String {
        self.allowed
            .iter()
            .map(|a| match a {
                AllowedProject::Id(id) => id.to_string(),
                AllowedProject::Key(key) => key.to_string(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn refusal(&self, project: &str) -> ToolError {
        ToolError::Refused(format!(
            "project {project} is outside the projects this server may touch (BACKLOG_ALLOWED_PROJECTS: {}); nothing was read or changed",
            self.describe()
        ))
    }

    /// The allowed project ids; `None` when every project is allowed.
    pub async fn allowed_ids(
        &self,
        metadata: &Metadata,
    ) -> Result<Option<BTreeSet<ProjectId>>, ToolError> {
        if !self.is_restricted() {
            return Ok(None);
        }
        let projects = metadata.projects().await?;
        let ids = self
            .allowed
            .iter()
            .filter_map(|allowed| match allowed {
                AllowedProject::Id(id) => Some(*id),
                AllowedProject::Key(key) => projects.iter().find(|p| p.key == *key).map(|p| p.id),
            })
            .collect();
        Ok(Some(ids))
    }

    /// Refuses unless the project is allowed.
    pub async fn check_project(
        &self,
        metadata: &Metadata,
        project: ProjectId,
    ) -> Result<(), ToolError> {
        match self.allowed_ids(metadata).await? {
            Some(allowed) if !allowed.contains(&project) => {
                let projects = metadata.projects().await?;
                let name = projects
                    .iter()
                    .find(|p| p.id == project)
                    .map_or_else(|| project.to_string(), |p| p.key.to_string());
                Err(self.refusal(&name))
            }
            _ => Ok(()),
        }
    }

    /// Refuses unless the project with this key is allowed.
    pub async fn check_key(&self, metadata: &Metadata, key: &ProjectKey) -> Result<(), ToolError> {
        if !self.is_restricted() {
            return Ok(());
        }
        let allowed_by_key = self
            .allowed
            .iter()
            .any(|a| matches!(a, AllowedProject::Key(k) if k == key));
        if allowed_by_key {
            return Ok(());
        }
        let projects = metadata.projects().await?;
        match projects.iter().find(|p| p.key == *key) {
            Some(project) => self.check_project(metadata, project.id).await,
            None => Err(self.refusal(key.as_str())),
        }
    }

    /// Refuses unless the issue's project is allowed. An issue named by id is
    /// fetched to learn its project; the fetched issue is returned for reuse.
    pub async fn check_issue(
        &self,
        metadata: &Metadata,
        issues: &dyn IssueRepository,
        issue: &IssueRef,
    ) -> Result<Option<Issue>, ToolError> {
        if !self.is_restricted() {
            return Ok(None);
        }
        match issue {
            IssueRef::Key(key) => {
                self.check_key(metadata, key.project()).await?;
                Ok(None)
            }
            IssueRef::Id(_) => {
                let found = issues.issue(issue).await?;
                self.check_project(metadata, found.project_id).await?;
                Ok(Some(found))
            }
        }
    }

    /// Narrows an issue filter to the allowed projects: no project given means
    /// all allowed ones; a project outside them is refused.
    pub async fn narrow(
        &self,
        metadata: &Metadata,
        filter: &mut IssueFilter,
    ) -> Result<(), ToolError> {
        let Some(allowed) = self.allowed_ids(metadata).await? else {
            return Ok(());
        };
        if filter.project_ids.is_empty() {
            filter.project_ids = allowed.into_iter().collect();
            return Ok(());
        }
        for project in &filter.project_ids {
            self.check_project(metadata, *project).await?;
        }
        Ok(())
    }

    /// Whether an item of this project may be shown.
    pub fn shows(allowed: Option<&BTreeSet<ProjectId>>, project: Option<ProjectId>) -> bool {
        match (allowed, project) {
            (None, _) => true,
            (Some(allowed), Some(project)) => allowed.contains(&project),
            (Some(_), None) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_allow_list_takes_keys_and_ids() {
        let parsed = AllowedProject::parse_list(" web, 12 ,APP_2,").unwrap();
        assert_eq!(
            parsed,
            vec![
                AllowedProject::Key(ProjectKey::parse("WEB").unwrap()),
                AllowedProject::Id(ProjectId::new(12).unwrap()),
                AllowedProject::Key(ProjectKey::parse("APP_2").unwrap()),
            ]
        );
        assert!(
            AllowedProject::parse_list("WEB,-3")
                .unwrap_err()
                .contains("-3")
        );
        assert!(AllowedProject::parse_list("").unwrap().is_empty());
    }
}
