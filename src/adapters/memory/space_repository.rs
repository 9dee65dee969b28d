use super::MemoryBacklog;
use super::activity_log::ActivitySource;
use super::errors::not_found;
use super::vocabulary::{priorities, resolutions};
use crate::domain::activity::{Activity, ActivityQuery};
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::{PriorityId, ResolutionId};
use crate::domain::issue::Named;
use crate::domain::space::Space;
use crate::ports::{ProjectRef, SpaceRepository};
use async_trait::async_trait;

#[async_trait]
impl SpaceRepository for MemoryBacklog {
    async fn space(&self) -> Result<Space, BacklogError> {
        self.read()
            .info
            .clone()
            .ok_or_else(|| not_found("the space", "No space."))
    }

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

    async fn priorities(&self) -> Result<Vec<Named<PriorityId>>, BacklogError> {
        Ok(priorities())
    }

    async fn resolutions(&self) -> Result<Vec<Named<ResolutionId>>, BacklogError> {
        Ok(resolutions())
    }
}
