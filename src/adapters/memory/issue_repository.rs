//! Issues: finding, filtering, sorting and paging them, and the links between them.

use super::MemoryBacklog;
use super::errors::not_found;
use super::issue_matching::IssueMatcher;
use super::issue_ordering::{DEFAULT_SORT, sort_issues};
use super::space::Space;
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{IssueUpdate, NewIssue};
use crate::domain::ids::IssueId;
use crate::domain::issue::Issue;
use crate::domain::issue_filter::{IssueFilter, IssueQuery};
use crate::ports::{IssueRef, IssueRepository};
use async_trait::async_trait;

impl Space {
    pub(super) fn find_issue(&self, issue: &IssueRef) -> Result<&Issue, BacklogError> {
        self.issues
            .iter()
            .find(|i| match issue {
                IssueRef::Id(id) => i.id == *id,
                IssueRef::Key(key) => i.key == *key,
            })
            .ok_or_else(|| not_found(format!("issue {issue}"), "No issue."))
    }

    fn matching<'a>(&'a self, filter: &IssueFilter) -> Vec<&'a Issue> {
        let parents = self.parent_ids();
        let matcher = IssueMatcher::new(filter, &parents);
        self.issues.iter().filter(|i| matcher.matches(i)).collect()
    }
}

#[async_trait]
impl IssueRepository for MemoryBacklog {
    async fn issue(&self, issue: &IssueRef) -> Result<Issue, BacklogError> {
        self.read().find_issue(issue).cloned()
    }

    async fn issues(&self, query: &IssueQuery) -> Result<Vec<Issue>, BacklogError> {
        let space = self.read();
        let mut found = space.matching(&query.filter);
        sort_issues(&mut found, query.sort.unwrap_or(DEFAULT_SORT), query.order);
        let offset = usize::try_from(query.offset).unwrap_or(usize::MAX);
        let count = usize::try_from(query.count.get()).unwrap_or(usize::MAX);
        Ok(found
            .into_iter()
            .skip(offset)
            .take(count)
            .cloned()
            .collect())
    }

    async fn count_issues(&self, filter: &IssueFilter) -> Result<u64, BacklogError> {
        let count = self.read().matching(filter).len();
        Ok(u64::try_from(count).unwrap_or(u64::MAX))
    }

    async fn add_issue(&self, issue: &NewIssue) -> Result<Issue, BacklogError> {
        self.write().add_issue(issue)
    }

    async fn update_issue(
        &self,
        issue: &IssueRef,
        update: &IssueUpdate,
    ) -> Result<Issue, BacklogError> {
        self.write().update_issue(issue, update)
    }

    async fn delete_issue(&self, issue: &IssueRef) -> Result<Issue, BacklogError> {
        self.write().delete_issue(issue)
    }

    async fn related_issues(&self, issue: &IssueRef) -> Result<Vec<Issue>, BacklogError> {
        self.read().related_issues(issue)
    }

    async fn add_related_issue(
        &self,
        issue: &IssueRef,
        target: IssueId,
    ) -> Result<Issue, BacklogError> {
        self.write().add_related_issue(issue, target)
    }

    async fn remove_related_issue(
        &self,
        issue: &IssueRef,
        related: IssueId,
    ) -> Result<Issue, BacklogError> {
        self.write().remove_related_issue(issue, related)
    }
}
