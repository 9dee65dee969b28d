use super::activity_params::activity_params;
use super::api_call::ApiCall;
use super::client::HttpBacklog;
use super::params::Params;
use super::wire::{WireActivity, WireCount, WireUser, all};
use crate::domain::activity::{Activity, ActivityQuery};
use crate::domain::backlog_error::BacklogError;
use crate::domain::calendar_date::DateRange;
use crate::domain::ids::UserId;
use crate::domain::user::User;
use crate::ports::UserRepository;
use async_trait::async_trait;

#[async_trait]
impl UserRepository for HttpBacklog {
    async fn myself(&self) -> Result<User, BacklogError> {
        let call = ApiCall::get(&["users", "myself"], "the API key's user");
        let wire: WireUser = self.fetch(&call).await?;
        Ok(wire.into_user()?)
    }

    async fn users(&self) -> Result<Vec<User>, BacklogError> {
        let call = ApiCall::get(&["users"], "users");
        let wire: Vec<WireUser> = self.fetch(&call).await?;
        Ok(all(wire, WireUser::into_user)?)
    }

    async fn user_activities(
        &self,
        user: UserId,
        query: &ActivityQuery,
    ) -> Result<Vec<Activity>, BacklogError> {
        let id = user.to_string();
        let call = ApiCall::get(&["users", &id, "activities"], format!("user {id}"))
            .with_query(activity_params(query));
        let wire: Vec<WireActivity> = self.fetch(&call).await?;
        Ok(all(wire, WireActivity::into_activity)?)
    }

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
