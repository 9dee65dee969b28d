//! The space: its own facts pass through; its activities are merged from the
//! allowed projects' activities, so nothing else is read and pages stay whole.

use super::ScopedBacklog;
use super::narrowed_lists::merge_activities;
use crate::domain::activity::{Activity, ActivityQuery};
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::{PriorityId, ResolutionId};
use crate::domain::issue::Named;
use crate::domain::space::Space;
use crate::ports::{ProjectRef, SpaceRepository};
use async_trait::async_trait;
use futures::future::try_join_all;

#[async_trait]
impl SpaceRepository for ScopedBacklog {
    async fn space(&self) -> Result<Space, BacklogError> {
        self.inner.space.space().await
    }

    async fn space_activities(&self, query: &ActivityQuery) -> Result<Vec<Activity>, BacklogError> {
        let allowed = self.allowed().await?;
        let pages = try_join_all(allowed.iter().map(|project| async move {
            let project = ProjectRef::Id(*project);
            self.inner.space.project_activities(&project, query).await
        }))
        .await?;
        Ok(merge_activities(pages, query))
    }

    async fn project_activities(
        &self,
        project: &ProjectRef,
        query: &ActivityQuery,
    ) -> Result<Vec<Activity>, BacklogError> {
        let id = self.allowed_project(project).await?;
        self.inner
            .space
            .project_activities(&ProjectRef::Id(id), query)
            .await
    }

    async fn priorities(&self) -> Result<Vec<Named<PriorityId>>, BacklogError> {
        self.inner.space.priorities().await
    }

    async fn resolutions(&self) -> Result<Vec<Named<ResolutionId>>, BacklogError> {
        self.inner.space.resolutions().await
    }
}
