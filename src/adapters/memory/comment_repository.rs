//! Issues' comments, paged by id (the writes are in `comment_writes`).

use super::served_by_space::served_by_space;
use super::space::Space;
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::NewComment;
use crate::domain::comment::Comment;
use crate::domain::ids::CommentId;
use crate::domain::issue_filter::SortOrder;
use crate::ports::{CommentPage, CommentRepository, IssueRef};

impl Space {
    pub(super) fn comments(
        &self,
        issue: &IssueRef,
        page: CommentPage,
    ) -> Result<Vec<Comment>, BacklogError> {
        let id = self.find_issue(issue)?.id;
        let mut comments: Vec<&Comment> = self
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
}

served_by_space!(CommentRepository {
    read comments(issue: &IssueRef, page: CommentPage) -> Vec<Comment>;
    write add_comment(issue: &IssueRef, comment: &NewComment) -> Comment;
    write update_comment(issue: &IssueRef, comment: CommentId, content: &str) -> Comment;
});
