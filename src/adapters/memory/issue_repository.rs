use super::MemoryBacklog;
use super::errors::not_found;
use super::issue_matching::IssueMatcher;
use super::issue_ordering::{DEFAULT_SORT, sort_issues};
use super::space::Space;
use crate::domain::attachment_file::AttachmentFile;
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{IssueUpdate, NewComment, NewIssue};
use crate::domain::comment::Comment;
use crate::domain::ids::{AttachmentId, CommentId, IssueId};
use crate::domain::issue::Issue;
use crate::domain::issue_filter::{IssueFilter, IssueQuery, SortOrder};
use crate::ports::{CommentPage, IssueRef, IssueRepository};
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

    async fn comments(
        &self,
        issue: &IssueRef,
        page: CommentPage,
    ) -> Result<Vec<Comment>, BacklogError> {
        let space = self.read();
        let id = space.find_issue(issue)?.id;
        let mut comments: Vec<&Comment> = space
            .comments
            .get(&id)
            .map(|c| c.iter().collect())
            .unwrap_or_default();
        comments.retain(|c| {
            page.min_id.is_none_or(|min| c.id > min) && page.max_id.is_none_or(|max| c.id < max)
        });
        comments.sort_by_key(|c| c.id);
        if page.order == SortOrder::Desc {
            comments.reverse();
        }
        let count = usize::try_from(page.count.get()).unwrap_or(usize::MAX);
        Ok(comments.into_iter().take(count).cloned().collect())
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

    async fn add_comment(
        &self,
        issue: &IssueRef,
        comment: &NewComment,
    ) -> Result<Comment, BacklogError> {
        self.write().add_comment(issue, comment)
    }

    async fn update_comment(
        &self,
        issue: &IssueRef,
        comment: CommentId,
        content: &str,
    ) -> Result<Comment, BacklogError> {
        self.write().update_comment(issue, comment, content)
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

    async fn attachment(
        &self,
        issue: &IssueRef,
        attachment: AttachmentId,
        max_bytes: u64,
    ) -> Result<AttachmentFile, BacklogError> {
        self.read().attachment(issue, attachment, max_bytes)
    }
}
