use super::MemoryBacklog;
use super::errors::not_found;
use super::vocabulary::{priorities, resolutions};
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::{PriorityId, ResolutionId};
use crate::domain::issue::Named;
use crate::domain::space::Space;
use crate::ports::SpaceRepository;
use async_trait::async_trait;

#[async_trait]
impl SpaceRepository for MemoryBacklog {
    async fn space(&self) -> Result<Space, BacklogError> {
        self.read()
            .info
            .clone()
            .ok_or_else(|| not_found("the space", "No space."))
    }

    async fn priorities(&self) -> Result<Vec<Named<PriorityId>>, BacklogError> {
        Ok(priorities())
    }

    async fn resolutions(&self) -> Result<Vec<Named<ResolutionId>>, BacklogError> {
        Ok(resolutions())
    }
}
