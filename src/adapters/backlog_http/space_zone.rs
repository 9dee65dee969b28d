//! The space's timezone, for the days older spaces send as zoned instants (see
//! `wire::SpaceDays`). It is asked of `GET /space` once, and only when an
//! answer carries such a day: a current space never costs the extra request.

use super::api_call::ApiCall;
use super::client::HttpBacklog;
use super::wire::{SendsDays, SpaceDays, WireResult};
use crate::domain::backlog_error::BacklogError;
use crate::domain::zone::DisplayZone;
use crate::ports::SpaceRepository;
use serde::de::DeserializeOwned;
use tokio::sync::OnceCell;

/// The space's timezone once learned; `None` inside when the space names none
/// this server knows.
#[derive(Debug, Default)]
pub struct SpaceZone(OnceCell<Option<DisplayZone>>);

impl HttpBacklog {
    /// Converts an answer that carries days, reading them in the space's way.
    pub(super) async fn with_days<W: SendsDays, D>(
        &self,
        wire: W,
        convert: impl FnOnce(W, SpaceDays) -> WireResult<D>,
    ) -> Result<D, BacklogError> {
        let days = self.days_for(&wire).await?;
        Ok(convert(wire, days)?)
    }

    /// Sends `call` and decodes its answer with its days read the space's way.
    pub(super) async fn fetch_with_days<W, D>(
        &self,
        call: &ApiCall,
        convert: impl FnOnce(W, SpaceDays) -> WireResult<D>,
    ) -> Result<D, BacklogError>
    where
        W: DeserializeOwned + SendsDays,
    {
        let wire: W = self.fetch(call).await?;
        self.with_days(wire, convert).await
    }

    /// How to read the days of `answer`. A failure to learn the timezone fails
    /// the call (and is tried again next time) rather than shifting dates.
    pub(super) async fn days_for(
        &self,
        answer: &impl SendsDays,
    ) -> Result<SpaceDays, BacklogError> {
        if !answer.has_zoned_days() {
            return Ok(SpaceDays::utc_midnights());
        }
        let zone = self
            .space_zone
            .0
            .get_or_try_init(|| async {
                let space = self.space().await?;
                Ok::<_, BacklogError>(space.timezone.as_deref().and_then(known_zone))
            })
            .await?;
        Ok(SpaceDays::in_zone(*zone))
    }
}

fn known_zone(name: &str) -> Option<DisplayZone> {
    DisplayZone::parse(name)
        .inspect_err(|error| {
            tracing::warn!(%error, "the space's timezone is unknown; days are read as UTC dates");
        })
        .ok()
}
