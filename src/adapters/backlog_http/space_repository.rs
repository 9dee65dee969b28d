use super::api_call::ApiCall;
use super::client::HttpBacklog;
use super::wire::{WireNamed, WireSpace, all};
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::{PriorityId, ResolutionId};
use crate::domain::issue::Named;
use crate::domain::space::Space;
use crate::ports::SpaceRepository;
use async_trait::async_trait;

#[async_trait]
impl SpaceRepository for HttpBacklog {
    async fn space(&self) -> Result<Space, BacklogError> {
        let call = ApiCall::get(&["space"], "the space");
        let wire: WireSpace = self.fetch(&call).await?;
        Ok(wire.into_space()?)
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
