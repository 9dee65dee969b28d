//! Recent updates: the space's, a project's and a user's, from the activity log.

use super::MemoryBacklog;
use super::activity_log::ActivitySource;
use super::errors::not_found;
use crate::domain::activity::{Activity, ActivityQuery};
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::UserId;
use crate::ports::{ActivityRepository, ProjectRef};
use async_trait::async_trait;

#[async_trait]
impl ActivityRepository for MemoryBacklog {
    async fn space_activities(&self, query: &ActivityQuery) -> Result<Vec<Activity>, BacklogError> {
        Ok(self.read().activity_page(query, ActivitySource::Space))
    }

    async fn project_activities(
        &self,
        project: &ProjectRef,
        query: &ActivityQuery,
    ) -> Result<Vec<Activity>, BacklogError> {
        let space = self.read();
        let id = space.find_project(project)?.project.id;
        Ok(space.activity_page(query, ActivitySource::Project(id)))
    }

    async fn user_activities(
        &self,
        user: UserId,
        query: &ActivityQuery,
    ) -> Result<Vec<Activity>, BacklogError> {
        let space = self.read();
        space
            .user(user)
            .ok_or_else(|| not_found(format!("user {user}"), "No user."))?;
        Ok(space.activity_page(query, ActivitySource::User(user)))
    }
}
