use super::api_call::ApiCall;
use super::client::HttpBacklog;
use super::params::Params;
use super::wire::{WireCount, WireWatching, all};
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::{UserId, WatchingId};
use crate::domain::watching::{Watching, WatchingCountQuery, WatchingQuery};
use crate::ports::{IssueRef, WatchingRepository};
use async_trait::async_trait;

#[async_trait]
impl WatchingRepository for HttpBacklog {
    async fn watchings(
        &self,
        user: UserId,
        query: &WatchingQuery,
    ) -> Result<Vec<Watching>, BacklogError> {
        let id = user.to_string();
        let mut params = Params::new();
        params
            .push("order", query.order.as_str())
            .push("sort", query.sort.as_str())
            .push("count", query.count.get())
            .push("offset", query.offset)
            .push_opt("resourceAlreadyRead", query.resource_already_read)
            .push_array("issueId", &query.issue_ids);
        let call =
            ApiCall::get(&["users", &id, "watchings"], format!("user {id}")).with_query(params);
        self.fetch_with_days(&call, |wire: Vec<WireWatching>, days| {
            all(wire, |w| w.into_watching(days))
        })
        .await
    }

    async fn watching_count(
        &self,
        user: UserId,
        query: &WatchingCountQuery,
    ) -> Result<u64, BacklogError> {
        let id = user.to_string();
        let mut params = Params::new();
        params
            .push_opt("resourceAlreadyRead", query.resource_already_read)
            .push_opt("alreadyRead", query.already_read);
        let call = ApiCall::get(&["users", &id, "watchings", "count"], format!("user {id}"))
            .with_query(params);
        let wire: WireCount = self.fetch(&call).await?;
        Ok(wire.count)
    }

    async fn watching(&self, watching: WatchingId) -> Result<Watching, BacklogError> {
        let id = watching.to_string();
        let call = ApiCall::get(&["watchings", &id], format!("watching {id}"));
        self.fetch_with_days(&call, WireWatching::into_watching)
            .await
    }

    /// An empty note is left out rather than sent as `note=`.
    async fn add_watching(&self, issue: &IssueRef, note: &str) -> Result<Watching, BacklogError> {
        let mut form = Params::new();
        form.push("issueIdOrKey", issue)
            .push_opt("note", Some(note).filter(|n| !n.is_empty()));
        let call = ApiCall::post(&["watchings"], form, format!("issue {issue}"));
        self.fetch_with_days(&call, WireWatching::into_watching)
            .await
    }

    /// The note is always sent: an empty one clears it.
    async fn update_watching(
        &self,
        watching: WatchingId,
        note: &str,
    ) -> Result<Watching, BacklogError> {
        let id = watching.to_string();
        let mut form = Params::new();
        form.push("note", note);
        let call = ApiCall::patch(&["watchings", &id], form, format!("watching {id}"));
        self.fetch_with_days(&call, WireWatching::into_watching)
            .await
    }

    async fn delete_watching(&self, watching: WatchingId) -> Result<Watching, BacklogError> {
        let id = watching.to_string();
        let call = ApiCall::delete(&["watchings", &id], format!("watching {id}"));
        self.fetch_with_days(&call, WireWatching::into_watching)
            .await
    }

    /// Backlog answers 204 with no body: nothing is parsed.
    async fn mark_watching_as_read(&self, watching: WatchingId) -> Result<(), BacklogError> {
        let id = watching.to_string();
        let call = ApiCall::post(
            &["watchings", &id, "markAsRead"],
            Params::new(),
            format!("watching {id}"),
        );
        self.send(&call).await.map(drop)
    }
}
