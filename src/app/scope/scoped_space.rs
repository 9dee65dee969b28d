//! The space's own facts and space-wide lists pass through (its activities are
//! merged from the allowed projects' in `scoped_activities`).

use super::ScopedBacklog;
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::{PriorityId, ResolutionId};
use crate::domain::issue::Named;
use crate::domain::space::Space;
use crate::ports::SpaceRepository;
use async_trait::async_trait;

#[async_trait]
impl SpaceRepository for ScopedBacklog {
    async fn space(&self) -> Result<Space, BacklogError> {
        self.inner.space.space().await
    }

    async fn priorities(&self) -> Result<Vec<Named<PriorityId>>, BacklogError> {
        self.inner.space.priorities().await
    }

    async fn resolutions(&self) -> Result<Vec<Named<ResolutionId>>, BacklogError> {
        self.inner.space.resolutions().await
    }
}
