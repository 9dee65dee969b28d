//! The checks behind every scoped port: which projects are allowed, pinned once,
//! and whether a project, an issue or a filter stays inside them.

use super::ScopedBacklog;
use super::allowed_project::AllowedProject;
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::{IssueId, ProjectId};
use crate::domain::issue::Issue;
use crate::domain::issue_filter::{IssueFilter, IssueQuery, PageSize};
use crate::domain::keys::ProjectKey;
use crate::domain::project::{Project, ProjectListQuery};
use crate::ports::{IssueRef, ProjectRef};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How often an unknown project key may trigger a fresh look at the allowed
/// projects' keys (one of them may have been renamed in Backlog meanwhile).
const KEY_REFRESH_INTERVAL: Duration = Duration::from_secs(30);

/// The allow-list resolved against the space, once per process: the allowed
/// projects are pinned by id, so a project renamed or created later never
/// widens the scope.
#[derive(Debug)]
pub struct Pinned {
    ids: BTreeSet<ProjectId>,
    /// Entries that matched no project visible to the API key.
    unmatched: Vec<AllowedProject>,
    keys: Mutex<KeyBook>,
}

/// The allowed projects' current keys.
#[derive(Debug)]
struct KeyBook {
    by_id: BTreeMap<ProjectId, ProjectKey>,
    refreshed: Instant,
}

impl Pinned {
    fn keys(&self) -> std::sync::MutexGuard<'_, KeyBook> {
        self.keys.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn id_of(&self, key: &ProjectKey) -> Option<ProjectId> {
        self.keys()
            .by_id
            .iter()
            .find(|(_, known)| *known == key)
            .map(|(id, _)| *id)
    }

    /// The allowed projects as the user knows them, for messages.
    fn describe(&self) -> String {
        let keys = self.keys();
        let mut names: Vec<String> = self
            .ids
            .iter()
            .map(|id| {
                keys.by_id
                    .get(id)
                    .map_or_else(|| id.to_string(), ToString::to_string)
            })
            .collect();
        names.extend(
            self.unmatched
                .iter()
                .map(|e| format!("{e} (matches no project)")),
        );
        names.join(", ")
    }

    pub fn unmatched(&self) -> &[AllowedProject] {
        &self.unmatched
    }

    pub fn allowed_count(&self) -> usize {
        self.ids.len()
    }
}

fn refused(reason: String) -> BacklogError {
    BacklogError::Refused { reason }
}

impl ScopedBacklog {
    /// The allow-list resolved against the space. The first call asks Backlog
    /// for the joined projects (and for each entry not among them); the result
    /// is kept for the life of the process. A failure is not kept: the next
    /// call tries again.
    pub async fn pinned(&self) -> Result<&Pinned, BacklogError> {
        self.pinned
            .get_or_try_init(|| async {
                let pinned = self.resolve().await?;
                for entry in &pinned.unmatched {
                    tracing::warn!(
                        "BACKLOG_ALLOWED_PROJECTS: {entry} matches no project visible to this API key; it allows nothing"
                    );
                }
                if pinned.ids.is_empty() {
                    tracing::error!(
                        "BACKLOG_ALLOWED_PROJECTS matches no project: every call that touches a project will be refused"
                    );
                }
                Ok(pinned)
            })
            .await
    }

    async fn resolve(&self) -> Result<Pinned, BacklogError> {
        let joined = self
            .inner
            .projects
            .projects(&ProjectListQuery::default())
            .await?;
        let mut found: BTreeMap<ProjectId, ProjectKey> = BTreeMap::new();
        let mut unmatched = Vec::new();
        for entry in &self.entries {
            let known = joined.iter().find(|p| match entry {
                AllowedProject::Id(id) => p.id == *id,
                AllowedProject::Key(key) => p.key == *key,
            });
            let project = match known {
                Some(project) => Some(project.clone()),
                None => self.look_up_unjoined(entry).await?,
            };
            match project {
                Some(project) => {
                    found.insert(project.id, project.key);
                }
                None => unmatched.push(entry.clone()),
            }
        }
        Ok(Pinned {
            ids: found.keys().copied().collect(),
            unmatched,
            keys: Mutex::new(KeyBook {
                by_id: found,
                refreshed: Instant::now(),
            }),
        })
    }

    /// A project the user has not joined, which administrators may still see.
    async fn look_up_unjoined(
        &self,
        entry: &AllowedProject,
    ) -> Result<Option<Project>, BacklogError> {
        let reference = match entry {
            AllowedProject::Id(id) => ProjectRef::Id(*id),
            AllowedProject::Key(key) => ProjectRef::Key(key.clone()),
        };
        match self.inner.projects.project(&reference).await {
            Ok(project) => Ok(Some(project)),
            Err(BacklogError::NotFound { .. }) => Ok(None),
            Err(BacklogError::Rejected { status: 403, .. }) => Ok(None),
            Err(other) => Err(other),
        }
    }

    /// The allowed project ids; a refusal when the allow-list matched nothing.
    pub async fn allowed(&self) -> Result<BTreeSet<ProjectId>, BacklogError> {
        let pinned = self.pinned().await?;
        if pinned.ids.is_empty() {
            let entries: Vec<String> = self.entries.iter().map(ToString::to_string).collect();
            return Err(refused(format!(
                "none of the projects in BACKLOG_ALLOWED_PROJECTS ({}) exists or is visible to this API key, so this server may touch no project; correct the list and restart the server. Nothing was read or changed",
                entries.join(", ")
            )));
        }
        Ok(pinned.ids.clone())
    }

    /// The refusal for something outside the allowed projects. `read` says
    /// truthfully what was read to find that out.
    pub async fn outside(&self, subject: &str, read: Option<&str>) -> BacklogError {
        let allowed = match self.pinned().await {
            Ok(pinned) => pinned.describe(),
            Err(_) => self
                .entries
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        };
        let what_happened = match read {
            None => "nothing was read or changed".to_owned(),
            Some(read) => format!("{read}; nothing of it is shown and nothing was changed"),
        };
        refused(format!(
            "{subject} is outside the projects this server may touch (BACKLOG_ALLOWED_PROJECTS: {allowed}); {what_happened}"
        ))
    }

    /// The id of an allowed project, or a refusal. No request is sent, except
    /// a look at the allowed projects' keys when a key is unknown (one of them
    /// may have been renamed in Backlog).
    pub async fn allowed_project(&self, project: &ProjectRef) -> Result<ProjectId, BacklogError> {
        let allowed = self.allowed().await?;
        match project {
            ProjectRef::Id(id) if allowed.contains(id) => Ok(*id),
            ProjectRef::Id(id) => Err(self.outside(&format!("project {id}"), None).await),
            ProjectRef::Key(key) => {
                if let Some(id) = self.pinned().await?.id_of(key) {
                    return Ok(id);
                }
                self.refresh_keys().await?;
                match self.pinned().await?.id_of(key) {
                    Some(id) => Ok(id),
                    None => Err(self.outside(&format!("project {key}"), None).await),
                }
            }
        }
    }

    /// [`Self::allowed_project`] as the reference the inner port is called with:
    /// by id, so a key renamed meanwhile cannot point it elsewhere.
    pub async fn allowed_ref(&self, project: &ProjectRef) -> Result<ProjectRef, BacklogError> {
        self.allowed_project(project).await.map(ProjectRef::Id)
    }

    /// Reads the allowed projects' current keys again, at most every
    /// [`KEY_REFRESH_INTERVAL`]. The set of allowed ids never changes.
    async fn refresh_keys(&self) -> Result<(), BacklogError> {
        let pinned = self.pinned().await?;
        if pinned.keys().refreshed.elapsed() < KEY_REFRESH_INTERVAL {
            return Ok(());
        }
        let joined = self
            .inner
            .projects
            .projects(&ProjectListQuery::default())
            .await?;
        let mut keys = pinned.keys();
        for project in joined.iter().filter(|p| pinned.ids.contains(&p.id)) {
            keys.by_id.insert(project.id, project.key.clone());
        }
        keys.refreshed = Instant::now();
        Ok(())
    }

    /// After a project of ours was renamed through this server.
    pub async fn renamed(&self, project: &Project) {
        if let Ok(pinned) = self.pinned().await
            && pinned.ids.contains(&project.id)
        {
            pinned.keys().by_id.insert(project.id, project.key.clone());
        }
    }

    /// Checks an issue before anything is asked about it. A key is checked by
    /// its project key, without a request. An id is looked up among the
    /// allowed projects' issues only, so nothing outside them is read; the
    /// issue found is returned for reuse.
    pub async fn allowed_issue(&self, issue: &IssueRef) -> Result<Option<Issue>, BacklogError> {
        match issue {
            IssueRef::Key(key) => {
                self.allowed_project(&ProjectRef::Key(key.project().clone()))
                    .await?;
                Ok(None)
            }
            IssueRef::Id(id) => Ok(self.allowed_issue_ids(&[*id]).await?.into_iter().next()),
        }
    }

    /// Checks issues given by id in one search among the allowed projects'
    /// issues (a hundred at a time), so nothing outside them is read; a
    /// missing one is refused. Returns the issues found.
    pub async fn allowed_issue_ids(&self, ids: &[IssueId]) -> Result<Vec<Issue>, BacklogError> {
        let allowed = self.allowed().await?;
        let page = usize::try_from(PageSize::MAX.get()).unwrap_or(100);
        let mut found = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(page) {
            let query = IssueQuery::first_page(IssueFilter {
                project_ids: allowed.iter().copied().collect(),
                issue_ids: chunk.to_vec(),
                ..IssueFilter::default()
            });
            let issues = self.inner.issues.issues(&query).await?;
            if let Some(missing) = chunk.iter().find(|id| !issues.iter().any(|i| i.id == **id)) {
                let subject = format!("issue {missing} (or it does not exist)");
                return Err(self.outside(&subject, None).await);
            }
            found.extend(issues);
        }
        Ok(found)
    }

    /// An answer's issue must belong to an allowed project; otherwise it is
    /// withheld (a project key renamed in Backlog since the keys were read).
    pub async fn withhold_unless_allowed(&self, issue: Issue) -> Result<Issue, BacklogError> {
        if self.allowed().await?.contains(&issue.project_id) {
            return Ok(issue);
        }
        Err(self
            .outside(
                &format!("issue {}", issue.key),
                Some("it was read to learn its project"),
            )
            .await)
    }

    /// The filter narrowed to the allowed projects: none given means all of
    /// them; one outside them is refused.
    pub async fn narrow(&self, filter: &IssueFilter) -> Result<IssueFilter, BacklogError> {
        let allowed = self.allowed().await?;
        let mut narrowed = filter.clone();
        if narrowed.project_ids.is_empty() {
            narrowed.project_ids = allowed.into_iter().collect();
            return Ok(narrowed);
        }
        if let Some(outside) = narrowed.project_ids.iter().find(|p| !allowed.contains(p)) {
            return Err(self.outside(&format!("project {outside}"), None).await);
        }
        Ok(narrowed)
    }
}
