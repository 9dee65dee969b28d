use super::api_call::ApiCall;
use super::client::HttpBacklog;
use super::wire::{WireUser, all};
use crate::domain::backlog_error::BacklogError;
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
}
