use super::MemoryBacklog;
use crate::domain::backlog_error::BacklogError;
use crate::domain::user::User;
use crate::ports::UserRepository;
use async_trait::async_trait;

#[async_trait]
impl UserRepository for MemoryBacklog {
    async fn myself(&self) -> Result<User, BacklogError> {
        let space = self.read();
        space
            .myself
            .and_then(|me| space.users.iter().find(|u| u.id == me))
            .cloned()
            .ok_or(BacklogError::AuthenticationFailed {
                detail: Some("the memory space has no current user".into()),
            })
    }
}
