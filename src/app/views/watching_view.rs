use crate::app::tooling::FieldView;
use crate::app::views::entity_views::field_view;
use crate::domain::watching::Watching;
use crate::domain::zone::DisplayZone;
use schemars::JsonSchema;
use serde::Serialize;

/// A watch-list entry.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct WatchingView {
    /// The watching id (watchId in the other watching tools).
    pub id: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue_key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// False when the issue changed since the user last looked.
    pub resource_already_read: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_content_updated: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
}

field_view!(WatchingView, key: ["id"],
    default: ["id", "issueKey", "summary", "status", "note", "resourceAlreadyRead", "lastContentUpdated"],
    all: ["id", "issueKey", "summary", "status", "note", "resourceAlreadyRead", "lastContentUpdated", "created", "updated"]);

impl WatchingView {
    pub fn new(watching: &Watching, zone: DisplayZone) -> Self {
        let issue = watching.issue.as_ref();
        Self {
            id: watching.id.get(),
            issue_key: issue.map(|i| i.key.to_string()),
            summary: issue.map(|i| i.summary.clone()),
            status: issue.map(|i| i.status.name.clone()),
            note: watching.note.clone(),
            resource_already_read: watching.resource_already_read,
            last_content_updated: watching
                .last_content_updated
                .map(|t| zone.format_instant(t)),
            created: watching.created.map(|t| zone.format_instant(t)),
            updated: watching.updated.map(|t| zone.format_instant(t)),
        }
    }
}
