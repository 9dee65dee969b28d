//! Stars a user received: `GET /users/:id/stars/count`.

use super::api_call::ApiCall;
use super::client::HttpBacklog;
use super::params::Params;
use super::wire::WireCount;
use crate::domain::backlog_error::BacklogError;
use crate::domain::calendar_date::DateRange;
use crate::domain::ids::UserId;
use crate::ports::StarRepository;
use async_trait::async_trait;

#[async_trait]
impl StarRepository for HttpBacklog {
    async fn received_star_count(
        &self,
        user: UserId,
        range: &DateRange,
    ) -> Result<u64, BacklogError> {
        let id = user.to_string();
        let mut query = Params::new();
        query
            .push_date("since", range.since())
            .push_date("until", range.until());
        let call =
            ApiCall::get(&["users", &id, "stars", "count"], format!("user {id}")).with_query(query);
        let wire: WireCount = self.fetch(&call).await?;
        Ok(wire.count)
    }
}
