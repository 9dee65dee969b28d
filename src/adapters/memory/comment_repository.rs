//! Issues' comments, paged by id (the writes are in `comment_writes`).

use super::MemoryBacklog;
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::NewComment;
use crate::domain::comment::Comment;
use crate::domain::ids::CommentId;
use crate::domain::issue_filter::SortOrder;
use crate::ports::{CommentPage, CommentRepository, IssueRef};
use async_trait::async_trait;

#[async_trait]
impl CommentRepository for MemoryBacklog {
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
}
