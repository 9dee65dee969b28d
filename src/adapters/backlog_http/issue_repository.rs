use super::client::{ApiCall, HttpBacklog};
use super::issue_params::{filter_params, query_params};
use super::params::Params;
use super::wire::{WireComment, WireCount, WireIssue};
use crate::domain::backlog_error::BacklogError;
use crate::domain::comment::Comment;
use crate::domain::issue::Issue;
use crate::domain::issue_filter::{IssueFilter, IssueQuery};
use crate::ports::{CommentPage, IssueRef, IssueRepository};
use async_trait::async_trait;

#[async_trait]
impl IssueRepository for HttpBacklog {
    async fn issue(&self, issue: &IssueRef) -> Result<Issue, BacklogError> {
        let id = issue.to_string();
        let call = ApiCall::get(&["issues", &id], format!("issue {id}"));
        let wire: WireIssue = self.fetch(&call).await?;
        Ok(wire.into_issue()?)
    }

    async fn issues(&self, query: &IssueQuery) -> Result<Vec<Issue>, BacklogError> {
        let call = ApiCall::get(&["issues"], "issues").with_query(query_params(query));
        let wire: Vec<WireIssue> = self.fetch(&call).await?;
        Ok(wire
            .into_iter()
            .map(WireIssue::into_issue)
            .collect::<Result<_, _>>()?)
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
        Ok(wire
            .into_iter()
            .map(WireComment::into_comment)
            .collect::<Result<_, _>>()?)
    }
}
