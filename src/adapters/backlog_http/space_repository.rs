use super::activity_params::activity_params;
use super::api_call::ApiCall;
use super::client::HttpBacklog;
use super::wire::{WireActivity, WireNamed, WireSpace, all};
use crate::domain::activity::{Activity, ActivityQuery};
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::{PriorityId, ResolutionId};
use crate::domain::issue::Named;
use crate::domain::space::Space;
use crate::ports::{ProjectRef, SpaceRepository};
use async_trait::async_trait;

#[async_trait]
impl SpaceRepository for HttpBacklog {
    async fn space(&self) -> Result<Space, BacklogError> {
        let call = ApiCall::get(&["space"], "the space");
        let wire: WireSpace = self.fetch(&call).await?;
        Ok(wire.into_space()?)
    }

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

    async fn priorities(&self) -> Result<Vec<Named<PriorityId>>, BacklogError> {
        let call = ApiCall::get(&["priorities"], "priorities");
        let wire: Vec<WireNamed> = self.fetch(&call).await?;
        Ok(all(wire, |p| p.into_named("priority", PriorityId::new))?)
    }

    async fn resolutions(&self) -> Result<Vec<Named<ResolutionId>>, BacklogError> {
        let call = ApiCall::get(&["resolutions"], "resolutions");
        let wire: Vec<WireNamed> = self.fetch(&call).await?;
        Ok(all(wire, |r| {
            r.into_named("resolution", ResolutionId::new)
        })?)
    }
}
