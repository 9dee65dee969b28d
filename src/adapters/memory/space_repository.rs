//! The space's own facts and its space-wide lists.

use super::errors::not_found;
use super::served_by_space::served_by_space;
use super::space::Space;
use super::vocabulary::{priorities, resolutions};
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::{PriorityId, ResolutionId};
use crate::domain::issue::Named;
use crate::domain::space::Space as SpaceInfo;
use crate::ports::SpaceRepository;

impl Space {
    /// The space's own facts (none for a space built without them).
    pub(super) fn space_info(&self) -> Result<SpaceInfo, BacklogError> {
        self.info
            .clone()
            .ok_or_else(|| not_found("the space", "No space."))
    }

    pub(super) fn priorities(&self) -> Result<Vec<Named<PriorityId>>, BacklogError> {
        Ok(priorities())
    }

    pub(super) fn resolutions(&self) -> Result<Vec<Named<ResolutionId>>, BacklogError> {
        Ok(resolutions())
    }
}

served_by_space!(SpaceRepository {
    read space() -> SpaceInfo = space_info;
    read priorities() -> Vec<Named<PriorityId>>;
    read resolutions() -> Vec<Named<ResolutionId>>;
});
