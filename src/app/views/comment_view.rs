use crate::app::tooling::FieldView;
use crate::app::views::entity_views::field_view;
use crate::domain::comment::{ChangeLogEntry, Comment};
use crate::domain::zone::DisplayZone;
use schemars::JsonSchema;
use serde::Serialize;

/// A comment with its author and time.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CommentView {
    pub id: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// In the requested timezone with its offset.
    pub created: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    pub content: String,
    /// Field changes recorded with the comment.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub change_log: Vec<ChangeView>,
}

/// One recorded change: a field, its value before and after.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ChangeView {
    pub field: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

/// Backlog's change-log names for fields, and the names the views use.
const FIELD_NAMES: [(&str, &str); 8] = [
    ("assigner", "assignee"),
    ("limitDate", "dueDate"),
    ("component", "categories"),
    ("version", "versions"),
    ("milestone", "milestones"),
    ("parentIssue", "parentIssueKey"),
    ("estimatedHours", "estimatedHours"),
    ("actualHours", "actualHours"),
];

impl From<&ChangeLogEntry> for ChangeView {
    fn from(change: &ChangeLogEntry) -> Self {
        let field = FIELD_NAMES
            .iter()
            .find(|(backlog, _)| *backlog == change.field)
            .map_or_else(|| change.field.clone(), |(_, ours)| (*ours).to_owned());
        Self {
            field,
            from: change.original_value.clone().filter(|v| !v.is_empty()),
            to: change.new_value.clone().filter(|v| !v.is_empty()),
        }
    }
}

field_view!(CommentView, key: ["id"], default: ["id", "author", "created", "content", "changeLog"],
    all: ["id", "author", "created", "updated", "content", "changeLog"]);

impl CommentView {
    pub fn new(comment: &Comment, zone: DisplayZone) -> Self {
        Self {
            id: comment.id.get(),
            author: comment.created_user.as_ref().map(|u| u.name.clone()),
            created: zone.format_instant(comment.created),
            updated: comment
                .updated
                .filter(|u| *u != comment.created)
                .map(|u| zone.format_instant(u)),
            content: comment.content.clone(),
            change_log: comment.change_log.iter().map(ChangeView::from).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backlog_change_log_names_become_the_view_names() {
        let change = |field: &str| ChangeLogEntry {
            field: field.to_owned(),
            original_value: Some("a".into()),
            new_value: Some(String::new()),
        };
        assert_eq!(ChangeView::from(&change("assigner")).field, "assignee");
        assert_eq!(ChangeView::from(&change("limitDate")).field, "dueDate");
        assert_eq!(ChangeView::from(&change("status")).field, "status");
        assert_eq!(
            ChangeView::from(&change("status")).to,
            None,
            "empty values are left out"
        );
    }
}
