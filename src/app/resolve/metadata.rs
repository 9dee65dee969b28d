//! Space and project metadata (projects, users, statuses, issue types,
//! categories, versions, custom fields, members), cached for a short time so
//! names can be resolved without asking Backlog on every call.

use super::ttl_cache::TtlCache;
use crate::app::backlog::Backlog;
use crate::domain::backlog_error::BacklogError;
use crate::domain::custom_field::CustomFieldDefinition;
use crate::domain::ids::{PriorityId, ProjectId, ResolutionId};
use crate::domain::issue::Named;
use crate::domain::project::{Category, IssueType, Project, ProjectListQuery, Status, Version};
use crate::domain::user::User;
use crate::ports::ProjectRef;
use std::sync::Arc;
use std::time::Duration;

type Shared<T> = Arc<Vec<T>>;

pub struct Metadata {
    backlog: Backlog,
    projects: TtlCache<(), Shared<Project>>,
    users: TtlCache<(), Shared<User>>,
    myself: TtlCache<(), Arc<User>>,
    priorities: TtlCache<(), Shared<Named<PriorityId>>>,
    resolutions: TtlCache<(), Shared<Named<ResolutionId>>>,
    statuses: TtlCache<ProjectId, Shared<Status>>,
    issue_types: TtlCache<ProjectId, Shared<IssueType>>,
    categories: TtlCache<ProjectId, Shared<Category>>,
    versions: TtlCache<ProjectId, Shared<Version>>,
    custom_fields: TtlCache<ProjectId, Shared<CustomFieldDefinition>>,
    members: TtlCache<ProjectId, Shared<User>>,
}

impl Metadata {
    pub fn new(backlog: Backlog, ttl: Duration) -> Self {
        Self {
            backlog,
            projects: TtlCache::new(ttl),
            users: TtlCache::new(ttl),
            myself: TtlCache::new(ttl),
            priorities: TtlCache::new(ttl),
            resolutions: TtlCache::new(ttl),
            statuses: TtlCache::new(ttl),
            issue_types: TtlCache::new(ttl),
            categories: TtlCache::new(ttl),
            versions: TtlCache::new(ttl),
            custom_fields: TtlCache::new(ttl),
            members: TtlCache::new(ttl),
        }
    }

    /// The projects the user has joined, archived ones included.
    pub async fn projects(&self) -> Result<Shared<Project>, BacklogError> {
        let repo = &self.backlog.projects;
        self.projects
            .get_or_load((), || async {
                repo.projects(&ProjectListQuery::default())
                    .await
                    .map(Arc::new)
            })
            .await
    }

    /// The projects given, or every project when none are: what a search
    /// over "these projects, else all" looks through.
    pub async fn these_or_all(&self, given: &[ProjectId]) -> Result<Vec<ProjectId>, BacklogError> {
        if !given.is_empty() {
            return Ok(given.to_vec());
        }
        Ok(self.projects().await?.iter().map(|p| p.id).collect())
    }

    pub async fn users(&self) -> Result<Shared<User>, BacklogError> {
        let repo = &self.backlog.users;
        self.users
            .get_or_load((), || async { repo.users().await.map(Arc::new) })
            .await
    }

    /// The user the API key belongs to.
    pub async fn myself(&self) -> Result<Arc<User>, BacklogError> {
        let repo = &self.backlog.users;
        self.myself
            .get_or_load((), || async { repo.myself().await.map(Arc::new) })
            .await
    }

    pub async fn priorities(&self) -> Result<Shared<Named<PriorityId>>, BacklogError> {
        let repo = &self.backlog.space;
        self.priorities
            .get_or_load((), || async { repo.priorities().await.map(Arc::new) })
            .await
    }

    pub async fn resolutions(&self) -> Result<Shared<Named<ResolutionId>>, BacklogError> {
        let repo = &self.backlog.space;
        self.resolutions
            .get_or_load((), || async { repo.resolutions().await.map(Arc::new) })
            .await
    }

    pub async fn statuses(&self, project: ProjectId) -> Result<Shared<Status>, BacklogError> {
        let repo = &self.backlog.statuses;
        self.statuses
            .get_or_load(project, || async {
                repo.statuses(&ProjectRef::Id(project)).await.map(Arc::new)
            })
            .await
    }

    pub async fn issue_types(&self, project: ProjectId) -> Result<Shared<IssueType>, BacklogError> {
        let repo = &self.backlog.issue_types;
        self.issue_types
            .get_or_load(project, || async {
                repo.issue_types(&ProjectRef::Id(project))
                    .await
                    .map(Arc::new)
            })
            .await
    }

    pub async fn categories(&self, project: ProjectId) -> Result<Shared<Category>, BacklogError> {
        let repo = &self.backlog.categories;
        self.categories
            .get_or_load(project, || async {
                repo.categories(&ProjectRef::Id(project))
                    .await
                    .map(Arc::new)
            })
            .await
    }

    pub async fn versions(&self, project: ProjectId) -> Result<Shared<Version>, BacklogError> {
        let repo = &self.backlog.versions;
        self.versions
            .get_or_load(project, || async {
                repo.versions(&ProjectRef::Id(project)).await.map(Arc::new)
            })
            .await
    }

    pub async fn custom_fields(
        &self,
        project: ProjectId,
    ) -> Result<Shared<CustomFieldDefinition>, BacklogError> {
        let repo = &self.backlog.custom_fields;
        self.custom_fields
            .get_or_load(project, || async {
                repo.custom_fields(&ProjectRef::Id(project))
                    .await
                    .map(Arc::new)
            })
            .await
    }

    pub async fn members(&self, project: ProjectId) -> Result<Shared<User>, BacklogError> {
        let repo = &self.backlog.projects;
        self.members
            .get_or_load(project, || async {
                repo.project_users(&ProjectRef::Id(project))
                    .await
                    .map(Arc::new)
            })
            .await
    }

    /// One project, straight from Backlog (for projects not in the joined list).
    pub async fn fetch_project(&self, project: &ProjectRef) -> Result<Project, BacklogError> {
        self.backlog.projects.project(project).await
    }

    /// After a project was added or changed.
    pub fn forget_projects(&self) {
        self.projects.invalidate(&());
    }

    /// After a category was added.
    pub fn forget_categories(&self, project: ProjectId) {
        self.categories.invalidate(&project);
    }

    /// After a version was added, changed or deleted.
    pub fn forget_versions(&self, project: ProjectId) {
        self.versions.invalidate(&project);
    }
}
