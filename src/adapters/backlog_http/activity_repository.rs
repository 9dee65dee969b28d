//! Recent updates: `GET /space/activities`, `/projects/:p/activities`,
//! `/users/:id/activities`.

use super::activity_params::activity_params;
use super::api_call::ApiCall;
use super::client::HttpBacklog;
use super::wire::{WireActivity, all};
use crate::domain::activity::{Activity, ActivityQuery};
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::UserId;
use crate::ports::{ActivityRepository, ProjectRef};
use async_trait::async_trait;

#[async_trait]
impl ActivityRepository for HttpBacklog {
    async fn space_activities(&self, query: &ActivityQuery) -> Result<Vec<Activity>, BacklogError> {
        let call = ApiCall::get(&["space", "activities"], "the space's activities")
            .with_query(activity_params(query));
        let wire: Vec<WireActivity> = self.fetch(&call).await?;
        Ok(all(wire, WireActivity::into_activity)?)
    }

    async fn project_activities(
        &self,
        project: &ProjectRef,
        query: &ActivityQuery,
    ) -> Result<Vec<Activity>, BacklogError> {
        let project_segment = project.to_string();
        let call = ApiCall::get(
            &["projects", &project_segment, "activities"],
            format!("project {project}"),
        )
        .with_query(activity_params(query));
        let wire: Vec<WireActivity> = self.fetch(&call).await?;
        Ok(all(wire, WireActivity::into_activity)?)
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
}
