//! Watching rendering: `{id, resourceAlreadyRead, note, type, issue, lastContentUpdated,
//! created, updated}` with the full issue embedded.

use super::{IssueJson, Ts, issue};
use crate::space::{Space, Watching};
use serde::Serialize;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WatchingJson<'a> {
    id: i64,
    resource_already_read: bool,
    note: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    issue: Option<IssueJson<'a>>,
    last_content_updated: Ts,
    created: Ts,
    updated: Ts,
}

pub fn watching<'a>(space: &'a Space, w: &'a Watching) -> WatchingJson<'a> {
    WatchingJson {
        id: w.id,
        resource_already_read: w.resource_already_read,
        note: &w.note,
        kind: "issue",
        issue: space.issue(w.issue_id).map(|i| issue(space, i)),
        last_content_updated: Ts(w.last_content_updated),
        created: Ts(w.created),
        updated: Ts(w.updated),
    }
}
