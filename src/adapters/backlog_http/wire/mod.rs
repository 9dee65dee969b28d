//! Backlog's JSON shapes, read leniently (unknown fields ignored, missing lists
//! empty) and converted into domain types with every id and key validated.

mod activity;
mod category;
mod colored_item;
mod comment;
mod custom_field;
mod issue;
mod project;
mod shared_file;
mod space;
mod space_days;
mod user;
mod version;
mod watching;

pub use activity::WireActivity;
pub use category::WireCategory;
pub use colored_item::{WireIssueType, WireStatus};
pub use comment::WireComment;
pub use custom_field::WireCustomField;
pub use issue::WireIssue;
pub use project::WireProject;
pub use shared_file::WireSharedFile;
pub use space::WireSpace;
pub use space_days::{SendsDays, SpaceDays};
pub use user::WireUser;
pub use version::WireVersion;
pub use watching::WireWatching;

use crate::domain::backlog_error::BacklogError;
use crate::domain::issue::Named;
use serde::Deserialize;

/// A Backlog answer that does not fit the domain (a zero id, a malformed key).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct WireError(pub String);

impl From<WireError> for BacklogError {
    fn from(error: WireError) -> Self {
        BacklogError::InvalidResponse { detail: error.0 }
    }
}

pub type WireResult<T> = Result<T, WireError>;

/// `{"id": …, "name": …}`, the shape of priorities, resolutions, categories, milestones.
#[derive(Debug, Deserialize)]
pub struct WireNamed {
    pub id: i64,
    #[serde(default)]
    pub name: String,
}

impl WireNamed {
    pub fn into_named<I, E: std::fmt::Display>(
        self,
        what: &str,
        make: impl Fn(i64) -> Result<I, E>,
    ) -> WireResult<Named<I>> {
        let id = make(self.id).map_err(|e| WireError(format!("{what}: {e}")))?;
        Ok(Named::new(id, self.name))
    }
}

/// `{"count": N}` from the count endpoints.
#[derive(Debug, Deserialize)]
pub struct WireCount {
    pub count: u64,
}

/// `{"errors":[{"message":…,"code":…,"moreInfo":…}]}`.
#[derive(Debug, Deserialize)]
pub struct WireErrorBody {
    pub errors: Vec<WireErrorItem>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireErrorItem {
    #[serde(default)]
    pub message: String,
    pub code: Option<i64>,
    #[serde(default)]
    pub more_info: Option<String>,
}

pub fn id<I, E: std::fmt::Display>(
    what: &str,
    value: i64,
    make: impl Fn(i64) -> Result<I, E>,
) -> WireResult<I> {
    make(value).map_err(|e| WireError(format!("{what}: {e}")))
}

pub fn named_list<I, E: std::fmt::Display>(
    what: &str,
    items: Vec<WireNamed>,
    make: impl Fn(i64) -> Result<I, E> + Copy,
) -> WireResult<Vec<Named<I>>> {
    items
        .into_iter()
        .map(|n| n.into_named(what, make))
        .collect()
}

/// Converts every item of a list answer; the first that does not fit fails it.
pub fn all<W, D>(items: Vec<W>, convert: impl Fn(W) -> WireResult<D>) -> WireResult<Vec<D>> {
    items.into_iter().map(convert).collect()
}
