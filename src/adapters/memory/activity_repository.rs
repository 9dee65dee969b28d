//! Recent updates: the space's, a project's and a user's, from the activity log.

use super::activity_log::ActivitySource;
use super::served_by_space::served_by_space;
use super::space::Space;
use crate::domain::activity::{Activity, ActivityQuery};
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::UserId;
use crate::ports::{ActivityRepository, ProjectRef};

impl Space {
    pub(super) fn space_activities(
        &self,
        query: &ActivityQuery,
    ) -> Result<Vec<Activity>, BacklogError> {
        Ok(self.activity_page(query, ActivitySource::Space))
    }

    pub(super) fn project_activities(
        &self,
        project: &ProjectRef,
        query: &ActivityQuery,
    ) -> Result<Vec<Activity>, BacklogError> {
        let id = self.find_project(project)?.project.id;
        Ok(self.activity_page(query, ActivitySource::Project(id)))
    }

    pub(super) fn user_activities(
        &self,
        user: UserId,
        query: &ActivityQuery,
    ) -> Result<Vec<Activity>, BacklogError> {
        self.known_user(user)?;
        Ok(self.activity_page(query, ActivitySource::User(user)))
    }
}

served_by_space!(ActivityRepository {
    read space_activities(query: &ActivityQuery) -> Vec<Activity>;
    read project_activities(project: &ProjectRef, query: &ActivityQuery) -> Vec<Activity>;
    read user_activities(user: UserId, query: &ActivityQuery) -> Vec<Activity>;
});
