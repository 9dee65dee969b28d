//! Activities of the allowed projects only: a project's are checked by
//! project; the space's are merged from the allowed projects' activities, and a
//! user's are scanned and filtered, so nothing else is read and pages stay whole.

use super::ScopedBacklog;
use super::narrowed_lists::{fill_activity_page, merge_activities};
use crate::domain::activity::{Activity, ActivityQuery};
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::UserId;
use crate::ports::{ActivityRepository, ProjectRef};
use async_trait::async_trait;
use futures::future::try_join_all;

#[async_trait]
impl ActivityRepository for ScopedBacklog {
    async fn space_activities(&self, query: &ActivityQuery) -> Result<Vec<Activity>, BacklogError> {
        let allowed = self.allowed().await?;
        let pages = try_join_all(allowed.iter().map(|project| async move {
            let project = ProjectRef::Id(*project);
            self.inner
                .activities
                .project_activities(&project, query)
                .await
        }))
        .await?;
        Ok(merge_activities(pages, query))
    }

    async fn project_activities(
        &self,
        project: &ProjectRef,
        query: &ActivityQuery,
    ) -> Result<Vec<Activity>, BacklogError> {
        let project = self.allowed_ref(project).await?;
        self.inner
            .activities
            .project_activities(&project, query)
            .await
    }

    async fn user_activities(
        &self,
        user: UserId,
        query: &ActivityQuery,
    ) -> Result<Vec<Activity>, BacklogError> {
        let allowed = self.allowed().await?;
        fill_activity_page(query, &allowed, |page| async move {
            self.inner.activities.user_activities(user, &page).await
        })
        .await
    }
}
