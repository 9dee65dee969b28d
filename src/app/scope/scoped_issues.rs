//! Issues and related issues inside the allowed projects.
//! Every issue a call names (the issue itself, a parent, a related issue) is
//! checked before the request that would read or change it.

use super::ScopedBacklog;
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{Change, IssueUpdate, NewIssue};
use crate::domain::ids::IssueId;
use crate::domain::issue::Issue;
use crate::domain::issue_filter::{IssueFilter, IssueQuery};
use crate::ports::{IssueRef, IssueRepository, ProjectRef};
use async_trait::async_trait;

impl ScopedBacklog {
    /// Checks an issue given by id, for a parent or a related issue.
    async fn allowed_issue_id(&self, issue: IssueId) -> Result<(), BacklogError> {
        self.allowed_issue(&IssueRef::Id(issue)).await.map(drop)
    }
}

#[async_trait]
impl IssueRepository for ScopedBacklog {
    async fn issue(&self, issue: &IssueRef) -> Result<Issue, BacklogError> {
        if let Some(found) = self.allowed_issue(issue).await? {
            return Ok(found);
        }
        let found = self.inner.issues.issue(issue).await?;
        self.withhold_unless_allowed(found).await
    }

    async fn issues(&self, query: &IssueQuery) -> Result<Vec<Issue>, BacklogError> {
        let narrowed = IssueQuery {
            filter: self.narrow(&query.filter).await?,
            ..query.clone()
        };
        self.inner.issues.issues(&narrowed).await
    }

    async fn count_issues(&self, filter: &IssueFilter) -> Result<u64, BacklogError> {
        let narrowed = self.narrow(filter).await?;
        self.inner.issues.count_issues(&narrowed).await
    }

    async fn add_issue(&self, issue: &NewIssue) -> Result<Issue, BacklogError> {
        self.allowed_project(&ProjectRef::Id(issue.project_id))
            .await?;
        if let Some(parent) = issue.parent_issue_id {
            self.allowed_issue_id(parent).await?;
        }
        self.inner.issues.add_issue(issue).await
    }

    async fn update_issue(
        &self,
        issue: &IssueRef,
        update: &IssueUpdate,
    ) -> Result<Issue, BacklogError> {
        self.allowed_issue(issue).await?;
        if let Change::Set(parent) = update.parent_issue_id {
            self.allowed_issue_id(parent).await?;
        }
        self.inner.issues.update_issue(issue, update).await
    }

    async fn delete_issue(&self, issue: &IssueRef) -> Result<Issue, BacklogError> {
        self.allowed_issue(issue).await?;
        self.inner.issues.delete_issue(issue).await
    }

    /// Links to issues of other projects are left out.
    async fn related_issues(&self, issue: &IssueRef) -> Result<Vec<Issue>, BacklogError> {
        self.allowed_issue(issue).await?;
        let allowed = self.allowed().await?;
        let related = self.inner.issues.related_issues(issue).await?;
        Ok(related
            .into_iter()
            .filter(|i| allowed.contains(&i.project_id))
            .collect())
    }

    async fn add_related_issue(
        &self,
        issue: &IssueRef,
        target: IssueId,
    ) -> Result<Issue, BacklogError> {
        self.allowed_issue(issue).await?;
        self.allowed_issue_id(target).await?;
        self.inner.issues.add_related_issue(issue, target).await
    }

    async fn remove_related_issue(
        &self,
        issue: &IssueRef,
        related: IssueId,
    ) -> Result<Issue, BacklogError> {
        self.allowed_issue(issue).await?;
        self.allowed_issue_id(related).await?;
        self.inner.issues.remove_related_issue(issue, related).await
    }
}
