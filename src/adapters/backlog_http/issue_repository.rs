//! Issues and the links between them: `/issues`.

use super::api_call::ApiCall;
use super::client::HttpBacklog;
use super::issue_form::{issue_update_form, new_issue_form};
use super::issue_params::{filter_params, query_params};
use super::params::Params;
use super::wire::{WireCount, WireIssue, all};
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{IssueUpdate, NewIssue};
use crate::domain::ids::IssueId;
use crate::domain::issue::Issue;
use crate::domain::issue_filter::{IssueFilter, IssueQuery};
use crate::ports::{IssueRef, IssueRepository};
use async_trait::async_trait;

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
}
