use crate::app::tooling::FieldView;
use crate::domain::ids::IssueId;
use crate::domain::issue::{CustomFieldContent, Issue, Named};
use crate::domain::keys::IssueKey;
use crate::domain::zone::DisplayZone;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::HashMap;

/// What rendering an issue needs besides the issue.
pub struct ViewContext<'a> {
    pub zone: DisplayZone,
    pub web_base_url: &'a str,
    /// Keys of parent issues, by id.
    pub parent_keys: &'a HashMap<IssueId, IssueKey>,
}

/// An issue. Lists answer with a compact subset of these fields by default.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct IssueView {
    /// The issue key, e.g. WEB-42.
    pub issue_key: String,
    pub id: i64,
    pub project_id: i64,
    pub summary: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Status name, e.g. "In Progress" or "処理中".
    pub status: String,
    pub issue_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,
    /// Assignee's name; absent when nobody is assigned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assignee: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// Affected versions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<String>,
    /// YYYY-MM-DD.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// YYYY-MM-DD.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimated_hours: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual_hours: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_issue_key: Option<String>,
    /// The parent's id, when its key was not looked up (answers about one
    /// issue spare that request; get_issue takes the id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_issue_id: Option<i64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub custom_fields: Vec<CustomFieldValueView>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<AttachmentView>,
    /// Files of the project's file sharing linked to the issue.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub shared_files: Vec<SharedFileView>,
    /// How many stars it received; absent when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stars: Option<u64>,
    /// Its child issues, counted; only when Backlog said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub child_issue_summary: Option<ChildIssueSummaryView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_user: Option<String>,
    /// When it was created, in the requested timezone with its offset.
    pub created: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_user: Option<String>,
    /// When it last changed, in the requested timezone with its offset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// The issue's page in Backlog.
    pub url: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CustomFieldValueView {
    pub id: i64,
    pub name: String,
    /// The value as text; list choices joined with ", ", then the "other" text
    /// in parentheses (alone when no choice is ticked).
    pub value: String,
    /// List, check-box and radio fields: the ids of the chosen items, in the
    /// order of `value` (what update_issue takes to set them again).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub item_ids: Vec<i64>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SharedFileView {
    pub id: i64,
    /// Directory and name, e.g. /specs/login.pdf (a directory ends with /).
    pub path: String,
    /// Bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
}

#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ChildIssueSummaryView {
    pub total: u64,
    pub closed: u64,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentView {
    pub id: i64,
    pub name: String,
    /// Bytes.
    pub size: u64,
}

impl FieldView for IssueView {
    const FIELDS: &'static [&'static str] = &[
        "issueKey",
        "id",
        "projectId",
        "summary",
        "description",
        "status",
        "issueType",
        "priority",
        "resolution",
        "assignee",
        "categories",
        "versions",
        "milestones",
        "startDate",
        "dueDate",
        "estimatedHours",
        "actualHours",
        "parentIssueKey",
        "parentIssueId",
        "customFields",
        "attachments",
        "sharedFiles",
        "stars",
        "childIssueSummary",
        "createdUser",
        "created",
        "updatedUser",
        "updated",
        "url",
    ];
    const DEFAULT_FIELDS: &'static [&'static str] = &[
        "issueKey",
        "summary",
        "status",
        "issueType",
        "priority",
        "assignee",
        "startDate",
        "dueDate",
        "milestones",
        "parentIssueKey",
        "updated",
        "url",
    ];
    const KEY_FIELDS: &'static [&'static str] = &["issueKey"];
}

impl IssueView {
    pub fn new(issue: &Issue, view: &ViewContext<'_>) -> Self {
        Self {
            issue_key: issue.key.to_string(),
            id: issue.id.get(),
            project_id: issue.project_id.get(),
            summary: issue.summary.clone(),
            description: Some(issue.description.clone()),
            status: issue.status.name.clone(),
            issue_type: issue.issue_type.name.clone(),
            priority: issue.priority.as_ref().map(|p| p.name.clone()),
            resolution: issue.resolution.as_ref().map(|r| r.name.clone()),
            assignee: issue.assignee.as_ref().map(|a| a.name.clone()),
            categories: names(&issue.categories),
            versions: names(&issue.versions),
            milestones: names(&issue.milestones),
            start_date: issue.start_date.map(|d| d.to_string()),
            due_date: issue.due_date.map(|d| d.to_string()),
            estimated_hours: issue.estimated_hours,
            actual_hours: issue.actual_hours,
            parent_issue_key: issue
                .parent_issue_id
                .and_then(|id| view.parent_keys.get(&id))
                .map(ToString::to_string),
            parent_issue_id: issue
                .parent_issue_id
                .filter(|id| !view.parent_keys.contains_key(id))
                .map(|id| id.get()),
            custom_fields: issue
                .custom_fields
                .iter()
                .filter_map(|field| {
                    custom_field_text(&field.value, field.other_value.as_deref()).map(|value| {
                        CustomFieldValueView {
                            id: field.id.get(),
                            name: field.name.clone(),
                            value,
                            item_ids: match &field.value {
                                CustomFieldContent::Items(items) => {
                                    items.iter().map(|item| item.id).collect()
                                }
                                _ => Vec::new(),
                            },
                        }
                    })
                })
                .collect(),
            attachments: issue
                .attachments
                .iter()
                .map(|a| AttachmentView {
                    id: a.id.get(),
                    name: a.name.clone(),
                    size: a.size,
                })
                .collect(),
            shared_files: issue
                .shared_files
                .iter()
                .map(|file| SharedFileView {
                    id: file.id.get(),
                    path: file.path(),
                    size: file.size,
                })
                .collect(),
            stars: Some(issue.star_count).filter(|n| *n > 0),
            child_issue_summary: issue
                .child_issue_summary
                .map(|summary| ChildIssueSummaryView {
                    total: summary.total,
                    closed: summary.closed,
                }),
            created_user: issue.created_user.as_ref().map(|u| u.name.clone()),
            created: view.zone.format_instant(issue.created),
            updated_user: issue.updated_user.as_ref().map(|u| u.name.clone()),
            updated: issue.updated.map(|u| view.zone.format_instant(u)),
            url: format!("{}/view/{}", view.web_base_url, issue.key),
        }
    }
}

pub fn names<I>(named: &[Named<I>]) -> Vec<String> {
    named.iter().map(|n| n.name.clone()).collect()
}

/// A custom field's value as text; `None` when it is empty (no text, no
/// choice, no "other" text). The "other" text
/// of a check box or radio follows the chosen items in parentheses, or stands
/// alone when none is chosen.
pub fn custom_field_text(content: &CustomFieldContent, other: Option<&str>) -> Option<String> {
    let text = match content {
        CustomFieldContent::Empty => String::new(),
        CustomFieldContent::Text(t) => t.clone(),
        CustomFieldContent::Number(n) => n.to_string(),
        CustomFieldContent::Date(d) => d.to_string(),
        CustomFieldContent::Items(items) => items
            .iter()
            .map(|i| i.name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    };
    match other.filter(|o| !o.is_empty()) {
        Some(other) if text.is_empty() => Some(other.to_owned()),
        Some(other) => Some(format!("{text} ({other})")),
        None => Some(text).filter(|t| !t.is_empty()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::test_support::sample_issue;
    use crate::domain::ids::{CustomFieldId, SharedFileId};
    use crate::domain::issue::{ChildIssueSummary, CustomFieldValue, SharedFile};
    use serde_json::json;

    fn view(issue: &Issue) -> serde_json::Value {
        let parents = HashMap::new();
        let context = ViewContext {
            zone: DisplayZone::UTC,
            web_base_url: "https://x.example",
            parent_keys: &parents,
        };
        serde_json::to_value(IssueView::new(issue, &context)).unwrap()
    }

    fn field(id: i64, value: CustomFieldContent, other: Option<&str>) -> CustomFieldValue {
        CustomFieldValue {
            id: CustomFieldId::new(id).unwrap(),
            name: format!("field {id}"),
            value,
            other_value: other.map(str::to_owned),
        }
    }

    #[test]
    fn shared_files_stars_and_the_child_summary_are_shown_when_there_are_some() {
        let mut issue = sample_issue(1);
        assert_eq!(
            ["sharedFiles", "stars", "childIssueSummary"].map(|f| view(&issue).get(f).is_some()),
            [false; 3]
        );
        issue.shared_files = vec![SharedFile {
            id: SharedFileId::new(7).unwrap(),
            dir: "/specs/".into(),
            name: "login.pdf".into(),
            is_directory: false,
            size: Some(30213),
        }];
        issue.star_count = 3;
        issue.child_issue_summary = Some(ChildIssueSummary {
            total: 4,
            closed: 1,
        });
        let shown = view(&issue);
        assert_eq!(
            shown["sharedFiles"],
            json!([{"id": 7, "path": "/specs/login.pdf", "size": 30213}])
        );
        assert_eq!(shown["stars"], 3);
        assert_eq!(shown["childIssueSummary"], json!({"total": 4, "closed": 1}));
    }

    #[test]
    fn list_answers_leave_the_new_facts_to_fields() {
        for field in ["sharedFiles", "stars", "childIssueSummary"] {
            assert!(IssueView::FIELDS.contains(&field));
            assert!(!IssueView::DEFAULT_FIELDS.contains(&field), "{field}");
        }
    }

    #[test]
    fn list_values_keep_their_item_ids_and_other_text_never_dangles() {
        let mut issue = sample_issue(1);
        let items = |pairs: &[(i64, &str)]| {
            CustomFieldContent::Items(pairs.iter().map(|(id, n)| Named::new(*id, *n)).collect())
        };
        issue.custom_fields = vec![
            field(1, items(&[(2, "Safari")]), None),
            field(2, items(&[(1, "macOS"), (3, "iOS")]), Some("BSD")),
            field(3, items(&[]), Some("Smart TV")),
            field(4, items(&[]), None),
            field(5, CustomFieldContent::Number(2.5), None),
            field(6, CustomFieldContent::Empty, Some("")),
        ];
        assert_eq!(
            view(&issue)["customFields"],
            json!([
                {"id": 1, "name": "field 1", "value": "Safari", "itemIds": [2]},
                {"id": 2, "name": "field 2", "value": "macOS, iOS (BSD)", "itemIds": [1, 3]},
                {"id": 3, "name": "field 3", "value": "Smart TV"},
                {"id": 5, "name": "field 5", "value": "2.5"},
            ])
        );
    }
}
