//! Issues: finding, filtering, sorting and paging them, and the links between them.

use super::errors::not_found;
use super::issue_matching::IssueMatcher;
use super::issue_ordering::{DEFAULT_SORT, sort_issues};
use super::served_by_space::served_by_space;
use super::space::Space;
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{IssueUpdate, NewIssue};
use crate::domain::ids::IssueId;
use crate::domain::issue::Issue;
use crate::domain::issue_filter::{IssueFilter, IssueQuery};
use crate::ports::{IssueRef, IssueRepository};

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

    pub(super) fn issue(&self, issue: &IssueRef) -> Result<Issue, BacklogError> {
        self.find_issue(issue).cloned()
    }

    pub(super) fn issues(&self, query: &IssueQuery) -> Result<Vec<Issue>, BacklogError> {
        let mut found = self.matching(&query.filter);
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

    pub(super) fn count_issues(&self, filter: &IssueFilter) -> Result<u64, BacklogError> {
        let count = self.matching(filter).len();
        Ok(u64::try_from(count).unwrap_or(u64::MAX))
    }
}

served_by_space!(IssueRepository {
    read issue(issue: &IssueRef) -> Issue;
    read issues(query: &IssueQuery) -> Vec<Issue>;
    read count_issues(filter: &IssueFilter) -> u64;
    write add_issue(issue: &NewIssue) -> Issue;
    write update_issue(issue: &IssueRef, update: &IssueUpdate) -> Issue;
    write delete_issue(issue: &IssueRef) -> Issue;
    read related_issues(issue: &IssueRef) -> Vec<Issue>;
    write add_related_issue(issue: &IssueRef, target: IssueId) -> Issue;
    write remove_related_issue(issue: &IssueRef, related: IssueId) -> Issue;
});
