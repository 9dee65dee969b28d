//! Adding and editing comments. A comment needs text, bumps the issue's
//! `updated`, and only its author may edit it afterwards (403 otherwise).

use super::activity_log::{ISSUE_COMMENTED, about_issue};
use super::errors::{forbidden, invalid, not_found};
use super::space::Space;
use super::validation::IssueRules;
use crate::domain::activity::ActivityContent;
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::NewComment;
use crate::domain::comment::Comment;
use crate::domain::ids::CommentId;
use crate::ports::IssueRef;

fn content_of(text: &str) -> Result<String, BacklogError> {
    if text.trim().is_empty() {
        return Err(invalid("content must not be empty."));
    }
    Ok(text.to_owned())
}

impl Space {
    pub(super) fn add_comment(
        &mut self,
        target: &IssueRef,
        new: &NewComment,
    ) -> Result<Comment, BacklogError> {
        let me = self.myself_ref()?;
        let issue = self.find_issue(target)?;
        let (issue_id, project_id) = (issue.id, issue.project_id);
        let record = self.project_of(project_id)?;
        let content = content_of(&new.content)?;
        let rules = IssueRules::new(self, record);
        let notified = rules.notified(&new.notified_user_ids)?;
        rules.attachments(&new.attachment_ids)?;

        let id = self.next_comment_id()?;
        let now = self.tick();
        let comment = Comment {
            id,
            content: content.clone(),
            change_log: Vec::new(),
            notified,
            created_user: Some(me.clone()),
            created: now,
            updated: Some(now),
        };
        self.comments
            .entry(issue_id)
            .or_default()
            .push(comment.clone());
        let mut about = None;
        if let Some(issue) = self.issues.iter_mut().find(|i| i.id == issue_id) {
            issue.updated = Some(now);
            issue.updated_user = Some(me.clone());
            about = Some(about_issue(issue));
        }
        self.record_my_activity(
            ISSUE_COMMENTED,
            project_id,
            ActivityContent {
                comment: Some(content),
                ..about.unwrap_or_default()
            },
            now,
        )?;
        self.mark_watchers_unread(issue_id, me.id);
        Ok(comment)
    }

    pub(super) fn update_comment(
        &mut self,
        target: &IssueRef,
        comment_id: CommentId,
        text: &str,
    ) -> Result<Comment, BacklogError> {
        let me = self.myself_ref()?;
        let issue = self.find_issue(target)?;
        let (issue_id, key) = (issue.id, issue.key.clone());
        let comment = self
            .comments
            .get(&issue_id)
            .and_then(|comments| comments.iter().find(|c| c.id == comment_id))
            .ok_or_else(|| {
                not_found(
                    format!("comment {comment_id} of issue {key}"),
                    "No comment.",
                )
            })?;
        if comment.created_user.as_ref().map(|u| u.id) != Some(me.id) {
            let author = comment
                .created_user
                .as_ref()
                .map_or("another user", |u| u.name.as_str());
            return Err(forbidden(format!(
                "comment {comment_id} of issue {key} was written by {author}; only its author may edit it."
            )));
        }
        let content = content_of(text)?;
        let now = self.tick();
        let comment = self
            .comments
            .get_mut(&issue_id)
            .and_then(|comments| comments.iter_mut().find(|c| c.id == comment_id))
            .ok_or_else(|| {
                not_found(
                    format!("comment {comment_id} of issue {key}"),
                    "No comment.",
                )
            })?;
        comment.content = content;
        comment.updated = Some(now);
        Ok(comment.clone())
    }
}
