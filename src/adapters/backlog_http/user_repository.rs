use super::client::{ApiCall, HttpBacklog};
use super::wire::WireUser;
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
}
