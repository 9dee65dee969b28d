//! Turning ids-or-names into ids. Numbers pass through untouched (Backlog
//! checks them); names are looked up in the cached metadata of the project
//! (or, for filters without a project, of every joined project).

use super::metadata::Metadata;
use super::names::{Candidate, normalize, pick_one};
use crate::app::tooling::{IdOrName, ToolError};
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::{InvalidId, IssueId, PriorityId, ProjectId, ResolutionId, UserId};
use crate::domain::issue::Named;
use crate::domain::keys::{IssueKey, ProjectKey};
use crate::domain::project::Project;
use crate::ports::{IssueRef, IssueRepository, ProjectRef, UserRepository};
use futures::future::try_join_all;
use std::future::Future;
use std::sync::Arc;

/// Resolves names for one tool call.
pub struct Resolver<'a> {
    pub metadata: &'a Metadata,
    pub users: &'a dyn UserRepository,
    pub issues: &'a dyn IssueRepository,
    /// `USER_ID`, which "me" means when set.
    pub configured_user: Option<UserId>,
}

/// `$many(parameter, values)`: each value resolved as `$one` resolves one,
/// all at once.
macro_rules! each_of {
    ($many:ident, $one:ident, $id:ty) => {
        pub async fn $many(
            &self,
            parameter: &str,
            values: &[IdOrName],
        ) -> Result<Vec<$id>, ToolError> {
            try_join_all(values.iter().map(|v| self.$one(parameter, v))).await
        }
    };
}

/// `$one` by id or by name in the space's own list `$many` (priorities,
/// resolutions), and `$many` of several at once.
macro_rules! space_kind {
    ($one:ident, $many:ident, $id:ty, $what:literal) => {
        pub async fn $one(&self, parameter: &str, value: &IdOrName) -> Result<$id, ToolError> {
            let list = self.metadata.$many();
            space_named(parameter, $what, value, <$id>::new, list).await
        }

        each_of!($many, $one, $id);
    };
}

pub(super) fn id<T>(
    parameter: &str,
    value: i64,
    make: impl Fn(i64) -> Result<T, InvalidId>,
) -> Result<T, ToolError> {
    make(value).map_err(|e| ToolError::argument(parameter, e))
}

impl Resolver<'_> {
    /// A project by id, key or name. Joined projects come from the cache;
    /// others (visible to administrators) are asked for by id or key.
    pub async fn project(&self, parameter: &str, value: &IdOrName) -> Result<Project, ToolError> {
        let projects = self.metadata.projects().await?;
        if let Some(number) = value.as_id() {
            let wanted = id(parameter, number, ProjectId::new)?;
            if let Some(project) = projects.iter().find(|p| p.id == wanted) {
                return Ok(project.clone());
            }
            return Ok(self.metadata.fetch_project(&ProjectRef::Id(wanted)).await?);
        }
        let name = value.as_name().unwrap_or_default();
        let by_key = ProjectKey::parse(name).ok();
        if let Some(key) = &by_key
            && !projects.iter().any(|p| p.key == *key)
            && !projects
                .iter()
                .any(|p| normalize(&p.name) == normalize(name))
        {
            return Ok(self
                .metadata
                .fetch_project(&ProjectRef::Key(key.clone()))
                .await?);
        }
        let candidates: Vec<Candidate<Project>> = projects
            .iter()
            .map(|p| {
                Candidate::new(
                    p.clone(),
                    format!("{} ({})", p.key, p.name),
                    [p.key.to_string(), p.name.clone()],
                )
            })
            .collect();
        pick_one(
            parameter,
            "project",
            "among the projects you have joined",
            name,
            &candidates,
        )
    }

    /// A project's id; numbers pass through without a lookup.
    pub async fn project_id(
        &self,
        parameter: &str,
        value: &IdOrName,
    ) -> Result<ProjectId, ToolError> {
        if let Some(number) = value.as_id() {
            return id(parameter, number, ProjectId::new);
        }
        Ok(self.project(parameter, value).await?.id)
    }

    each_of!(project_ids, project_id, ProjectId);

    /// The user the API key belongs to, or `USER_ID` when configured.
    pub async fn me(&self) -> Result<UserId, ToolError> {
        match self.configured_user {
            Some(user) => Ok(user),
            None => Ok(self.metadata.myself().await?.id),
        }
    }

    /// A user by id, login id, name, or "me".
    pub async fn user(&self, parameter: &str, value: &IdOrName) -> Result<UserId, ToolError> {
        if let Some(number) = value.as_id() {
            return id(parameter, number, UserId::new);
        }
        let name = value.as_name().unwrap_or_default();
        if matches!(name.to_lowercase().as_str(), "me" | "myself") {
            return self.me().await;
        }
        let users = self.metadata.users().await?;
        let candidates: Vec<Candidate<UserId>> = users
            .iter()
            .map(|u| {
                let login = u.login_id.clone().unwrap_or_default();
                Candidate::new(
                    u.id,
                    format!("{} ({login}, id {})", u.name, u.id),
                    [u.name.clone(), login],
                )
            })
            .collect();
        pick_one(
            parameter,
            "user",
            "in the space (use a login id or \"me\")",
            name,
            &candidates,
        )
    }

    each_of!(users, user, UserId);

    space_kind!(priority, priorities, PriorityId, "priority");
    space_kind!(resolution, resolutions, ResolutionId, "resolution");

    /// An issue by numeric id or key (`WEB-42`).
    pub fn issue_ref(&self, parameter: &str, value: &IdOrName) -> Result<IssueRef, ToolError> {
        if let Some(number) = value.as_id() {
            return Ok(IssueRef::Id(id(parameter, number, IssueId::new)?));
        }
        IssueKey::parse(value.as_name().unwrap_or_default())
            .map(IssueRef::Key)
            .map_err(|e| ToolError::argument(parameter, e))
    }

    /// An issue's numeric id, looking the key up when a key is given.
    pub async fn issue_id(&self, parameter: &str, value: &IdOrName) -> Result<IssueId, ToolError> {
        match self.issue_ref(parameter, value)? {
            IssueRef::Id(id) => Ok(id),
            key @ IssueRef::Key(_) => Ok(self.issues.issue(&key).await?.id),
        }
    }

    each_of!(issue_ids, issue_id, IssueId);

    /// The projects a filter's names are looked up in: the given ones, or all joined.
    pub(super) async fn scope(
        &self,
        projects: &[ProjectId],
    ) -> Result<Vec<(ProjectId, String)>, ToolError> {
        let all = self.metadata.projects().await?;
        Ok(if projects.is_empty() {
            all.iter().map(|p| (p.id, p.key.to_string())).collect()
        } else {
            projects
                .iter()
                .map(|id| {
                    let key = all
                        .iter()
                        .find(|p| p.id == *id)
                        .map_or_else(|| id.to_string(), |p| p.key.to_string());
                    (*id, key)
                })
                .collect()
        })
    }
}

/// A priority or a resolution by id, or by name in the space's own short
/// list (where an entry has one name), which is loaded only for a name.
async fn space_named<I: Copy>(
    parameter: &str,
    what: &str,
    value: &IdOrName,
    make: impl Fn(i64) -> Result<I, InvalidId>,
    list: impl Future<Output = Result<Arc<Vec<Named<I>>>, BacklogError>>,
) -> Result<I, ToolError> {
    if let Some(number) = value.as_id() {
        return id(parameter, number, make);
    }
    let named = list.await?;
    let candidates: Vec<Candidate<I>> = named
        .iter()
        .map(|n| Candidate::new(n.id, n.name.clone(), [n.name.clone()]))
        .collect();
    pick_one(
        parameter,
        what,
        "in the space",
        value.as_name().unwrap_or_default(),
        &candidates,
    )
}

#[cfg(test)]
#[path = "resolver_tests.rs"]
mod tests;
