//! The space and its space-wide lists.

use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::{PriorityId, ResolutionId};
use crate::domain::issue::Named;
use crate::domain::space::Space;
use async_trait::async_trait;

/// Access to the space itself.
///
/// Error contract: a refused API key MUST be [`BacklogError::AuthenticationFailed`].
#[cfg_attr(test, mockall::automock)]
#[async_trait]
pub trait SpaceRepository: Send + Sync {
    async fn space(&self) -> Result<Space, BacklogError>;

    /// The space's priorities (High, Normal, Low), in display order.
    async fn priorities(&self) -> Result<Vec<Named<PriorityId>>, BacklogError>;

    /// The space's resolutions (Fixed is id 0), in display order.
    async fn resolutions(&self) -> Result<Vec<Named<ResolutionId>>, BacklogError>;
}
