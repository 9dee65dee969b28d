use super::api_call::{Answer, ApiCall};
use super::client::HttpBacklog;
use super::content_disposition;
use super::issue_form::{issue_update_form, new_comment_form, new_issue_form};
use super::issue_params::{filter_params, query_params};
use super::params::Params;
use super::wire::{WireComment, WireCount, WireIssue, all};
use crate::domain::attachment_file::AttachmentFile;
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{IssueUpdate, NewComment, NewIssue};
use crate::domain::comment::Comment;
use crate::domain::ids::{AttachmentId, CommentId, IssueId};
use crate::domain::issue::Issue;
use crate::domain::issue_filter::{IssueFilter, IssueQuery};
use crate::ports::{CommentPage, IssueRef, IssueRepository};
use async_trait::async_trait;
use reqwest::header::{CONTENT_DISPOSITION, CONTENT_TYPE};

#[async_trait]
impl IssueRepository for HttpBacklog {
    async fn issue(&self, issue: &IssueRef) -> Result<Issue, BacklogError> {
        let id = issue.to_string();
        let call = ApiCall::get(&["issues", &id], format!("issue {id}"));
        self.fetch_with_days(&call, WireIssue::into_issue).await
    }

    async fn issues(&self, query: &IssueQuery) -> Result<Vec<Issue>, BacklogError> {
        let call = ApiCall::get(&["issues"], "issues").with_query(query_params(query));
        self.fetch_with_days(&call, |wire: Vec<WireIssue>, days| {
            all(wire, |i| i.into_issue(days))
        })
        .await
    }

    async fn count_issues(&self, filter: &IssueFilter) -> Result<u64, BacklogError> {
        let call = ApiCall::get(&["issues", "count"], "issues").with_query(filter_params(filter));
        let wire: WireCount = self.fetch(&call).await?;
        Ok(wire.count)
    }

    async fn comments(
        &self,
        issue: &IssueRef,
        page: CommentPage,
    ) -> Result<Vec<Comment>, BacklogError> {
        let id = issue.to_string();
        let mut query = Params::new();
        query
            .push_opt("minId", page.min_id)
            .push_opt("maxId", page.max_id)
            .push("count", page.count.get())
            .push("order", page.order.as_str());
        let call =
            ApiCall::get(&["issues", &id, "comments"], format!("issue {id}")).with_query(query);
        let wire: Vec<WireComment> = self.fetch(&call).await?;
        Ok(all(wire, WireComment::into_comment)?)
    }

    async fn add_issue(&self, issue: &NewIssue) -> Result<Issue, BacklogError> {
        let call = ApiCall::post(
            &["issues"],
            new_issue_form(issue),
            format!("project {}", issue.project_id),
        );
        self.fetch_with_days(&call, WireIssue::into_issue).await
    }

    async fn update_issue(
        &self,
        issue: &IssueRef,
        update: &IssueUpdate,
    ) -> Result<Issue, BacklogError> {
        let id = issue.to_string();
        let call = ApiCall::patch(
            &["issues", &id],
            issue_update_form(update),
            format!("issue {id}"),
        );
        self.fetch_with_days(&call, WireIssue::into_issue).await
    }

    async fn delete_issue(&self, issue: &IssueRef) -> Result<Issue, BacklogError> {
        let id = issue.to_string();
        let call = ApiCall::delete(&["issues", &id], format!("issue {id}"));
        self.fetch_with_days(&call, WireIssue::into_issue).await
    }

    async fn add_comment(
        &self,
        issue: &IssueRef,
        comment: &NewComment,
    ) -> Result<Comment, BacklogError> {
        let id = issue.to_string();
        let call = ApiCall::post(
            &["issues", &id, "comments"],
            new_comment_form(comment),
            format!("issue {id}"),
        );
        let wire: WireComment = self.fetch(&call).await?;
        Ok(wire.into_comment()?)
    }

    async fn update_comment(
        &self,
        issue: &IssueRef,
        comment: CommentId,
        content: &str,
    ) -> Result<Comment, BacklogError> {
        let id = issue.to_string();
        let comment = comment.to_string();
        let mut form = Params::new();
        form.push("content", content);
        let call = ApiCall::patch(
            &["issues", &id, "comments", &comment],
            form,
            format!("comment {comment} of issue {id}"),
        );
        let wire: WireComment = self.fetch(&call).await?;
        Ok(wire.into_comment()?)
    }

    async fn related_issues(&self, issue: &IssueRef) -> Result<Vec<Issue>, BacklogError> {
        let id = issue.to_string();
        let call = ApiCall::get(&["issues", &id, "relatedIssues"], format!("issue {id}"));
        self.fetch_with_days(&call, |wire: Vec<WireIssue>, days| {
            all(wire, |i| i.into_issue(days))
        })
        .await
    }

    async fn add_related_issue(
        &self,
        issue: &IssueRef,
        target: IssueId,
    ) -> Result<Issue, BacklogError> {
        let id = issue.to_string();
        let mut form = Params::new();
        form.push("targetIssueId", target);
        // Either issue may be the missing one.
        let call = ApiCall::post(
            &["issues", &id, "relatedIssues"],
            form,
            format!("issue {id} or issue {target}"),
        );
        self.fetch_with_days(&call, WireIssue::into_issue).await
    }

    async fn remove_related_issue(
        &self,
        issue: &IssueRef,
        related: IssueId,
    ) -> Result<Issue, BacklogError> {
        let id = issue.to_string();
        let related = related.to_string();
        let call = ApiCall::delete(
            &["issues", &id, "relatedIssues", &related],
            format!("related issue {related} of issue {id}"),
        );
        self.fetch_with_days(&call, WireIssue::into_issue).await
    }

    async fn attachment(
        &self,
        issue: &IssueRef,
        attachment: AttachmentId,
        max_bytes: u64,
    ) -> Result<AttachmentFile, BacklogError> {
        let id = issue.to_string();
        let attachment = attachment.to_string();
        let call = ApiCall::get(
            &["issues", &id, "attachments", &attachment],
            format!("attachment {attachment} of issue {id}"),
        );
        let answer = self.download(&call, max_bytes).await?;
        Ok(attachment_file(answer, &attachment))
    }
}

/// The downloaded bytes with the name from `Content-Disposition` (or
/// `attachment-{id}` without a usable one) and the `Content-Type` as sent.
fn attachment_file(answer: Answer, attachment: &str) -> AttachmentFile {
    let file_name = answer
        .headers
        .get(CONTENT_DISPOSITION)
        .and_then(|value| content_disposition::file_name(value.as_bytes()))
        .unwrap_or_else(|| format!("attachment-{attachment}"));
    let content_type = answer
        .headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    AttachmentFile {
        file_name,
        content_type,
        bytes: answer.body,
    }
}
