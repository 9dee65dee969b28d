use super::MemoryBacklog;
use crate::domain::backlog_error::BacklogError;
use crate::domain::user::User;
use crate::ports::UserRepository;
use async_trait::async_trait;

#[async_trait]
impl UserRepository for MemoryBacklog {
    async fn myself(&self) -> Result<User, BacklogError> {
        self.read().myself_user().cloned()
    }

    async fn users(&self) -> Result<Vec<User>, BacklogError> {
        let mut users = self.read().users.clone();
        users.sort_by_key(|u| u.id);
        Ok(users)
    }
}
