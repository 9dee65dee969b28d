use super::served_by_space::served_by_space;
use super::space::Space;
use crate::domain::backlog_error::BacklogError;
use crate::domain::user::User;
use crate::ports::UserRepository;

impl Space {
    pub(super) fn myself(&self) -> Result<User, BacklogError> {
        self.myself_user().cloned()
    }

    pub(super) fn users(&self) -> Result<Vec<User>, BacklogError> {
        let mut users = self.users.clone();
        users.sort_by_key(|u| u.id);
        Ok(users)
    }
}

served_by_space!(UserRepository {
    read myself() -> User;
    read users() -> Vec<User>;
});
