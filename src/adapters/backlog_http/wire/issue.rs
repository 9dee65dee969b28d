use super::space_days::{SendsDays, SpaceDays, is_zoned_text};
use super::{WireError, WireNamed, WireResult, WireSharedFile, WireUser, id, named_list};
use crate::domain::ids::{
    AttachmentId, CategoryId, CustomFieldId, IssueId, IssueTypeId, PriorityId, ProjectId,
    ResolutionId, StatusId, VersionId,
};
use crate::domain::issue::{
    Attachment, ChildIssueSummary, CustomFieldContent, CustomFieldValue, Issue, Named,
};
use crate::domain::keys::IssueKey;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::Value;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireIssue {
    pub id: i64,
    pub project_id: i64,
    pub issue_key: String,
    pub issue_type: WireNamed,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub resolution: Option<WireNamed>,
    #[serde(default)]
    pub priority: Option<WireNamed>,
    pub status: WireNamed,
    #[serde(default)]
    pub assignee: Option<WireUser>,
    #[serde(default)]
    pub category: Vec<WireNamed>,
    #[serde(default)]
    pub versions: Vec<WireNamed>,
    #[serde(default)]
    pub milestone: Vec<WireNamed>,
    #[serde(default)]
    pub start_date: Option<DateTime<Utc>>,
    #[serde(default)]
    pub due_date: Option<DateTime<Utc>>,
    #[serde(default)]
    pub estimated_hours: Option<f64>,
    #[serde(default)]
    pub actual_hours: Option<f64>,
    #[serde(default)]
    pub parent_issue_id: Option<i64>,
    #[serde(default)]
    pub custom_fields: Vec<WireCustomFieldValue>,
    #[serde(default)]
    pub attachments: Vec<WireAttachment>,
    #[serde(default)]
    pub shared_files: Vec<WireSharedFile>,
    /// Only counted.
    #[serde(default)]
    pub stars: Vec<IgnoredAny>,
    /// Sent only when asked for with `expand[]=childIssueSummary`.
    #[serde(default)]
    pub child_issue_summary: Option<WireChildIssueSummary>,
    #[serde(default)]
    pub created_user: Option<WireUser>,
    pub created: DateTime<Utc>,
    #[serde(default)]
    pub updated_user: Option<WireUser>,
    #[serde(default)]
    pub updated: Option<DateTime<Utc>>,
}

#[derive(Debug, Deserialize)]
pub struct WireChildIssueSummary {
    #[serde(default)]
    pub total: u64,
    #[serde(default)]
    pub closed: u64,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireCustomFieldValue {
    pub id: i64,
    #[serde(default)]
    pub field_type_id: i64,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub value: Value,
    #[serde(default)]
    pub other_value: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireAttachment {
    pub id: i64,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub size: u64,
    #[serde(default)]
    pub created_user: Option<WireUser>,
    #[serde(default)]
    pub created: Option<DateTime<Utc>>,
}

impl SendsDays for WireIssue {
    fn has_zoned_days(&self) -> bool {
        self.start_date.has_zoned_days()
            || self.due_date.has_zoned_days()
            || self.custom_fields.iter().any(|field| {
                field.field_type_id == DATE_FIELD && field.value.as_str().is_some_and(is_zoned_text)
            })
    }
}

/// The `fieldTypeId` of date custom fields.
const DATE_FIELD: i64 = 4;

impl WireIssue {
    /// The issue, its days read by `days`.
    pub fn into_issue(self, days: SpaceDays) -> WireResult<Issue> {
        let key =
            IssueKey::parse(&self.issue_key).map_err(|e| WireError(format!("issue key: {e}")))?;
        Ok(Issue {
            id: id("issue id", self.id, IssueId::new)?,
            project_id: id("project id", self.project_id, ProjectId::new)?,
            key,
            issue_type: self.issue_type.into_named("issue type", IssueTypeId::new)?,
            summary: self.summary,
            description: self.description.unwrap_or_default(),
            status: self.status.into_named("status", StatusId::new)?,
            priority: self
                .priority
                .map(|p| p.into_named("priority", PriorityId::new))
                .transpose()?,
            resolution: self
                .resolution
                .map(|r| r.into_named("resolution", ResolutionId::new))
                .transpose()?,
            assignee: self.assignee.map(WireUser::into_ref).transpose()?,
            categories: named_list("category", self.category, CategoryId::new)?,
            versions: named_list("version", self.versions, VersionId::new)?,
            milestones: named_list("milestone", self.milestone, VersionId::new)?,
            start_date: days.day_of(self.start_date),
            due_date: days.day_of(self.due_date),
            estimated_hours: self.estimated_hours,
            actual_hours: self.actual_hours,
            parent_issue_id: self
                .parent_issue_id
                .map(|p| id("parent issue id", p, IssueId::new))
                .transpose()?,
            // Backlog lists every field of the issue's type, unset ones with
            // `null`; the issue holds the set ones, like the memory model.
            custom_fields: self
                .custom_fields
                .into_iter()
                .map(|field| field.into_value(days))
                .filter(|value| value.as_ref().map_or(true, |v| !v.is_unset()))
                .collect::<WireResult<_>>()?,
            attachments: self
                .attachments
                .into_iter()
                .map(WireAttachment::into_attachment)
                .collect::<WireResult<_>>()?,
            shared_files: self
                .shared_files
                .into_iter()
                .map(WireSharedFile::into_shared_file)
                .collect::<WireResult<_>>()?,
            star_count: u64::try_from(self.stars.len()).unwrap_or(u64::MAX),
            child_issue_summary: self.child_issue_summary.map(|summary| ChildIssueSummary {
                total: summary.total,
                closed: summary.closed,
            }),
            created_user: self.created_user.map(WireUser::into_ref).transpose()?,
            created: self.created,
            updated_user: self.updated_user.map(WireUser::into_ref).transpose()?,
            updated: self.updated,
        })
    }
}

impl WireCustomFieldValue {
    fn into_value(self, days: SpaceDays) -> WireResult<CustomFieldValue> {
        Ok(CustomFieldValue {
            id: id("custom field id", self.id, CustomFieldId::new)?,
            name: self.name,
            value: custom_field_content(self.field_type_id, self.value, days),
            other_value: self.other_value.filter(|text| !text.is_empty()),
        })
    }
}

/// Reads a custom field's `value`, whose JSON type depends on the field type:
/// text 1–2, numeric 3, date 4, single list 5 and radio 8 (one item), multiple
/// list 6 and check box 7 (an array of items).
fn custom_field_content(field_type_id: i64, value: Value, days: SpaceDays) -> CustomFieldContent {
    match (field_type_id, value) {
        (_, Value::Null) => CustomFieldContent::Empty,
        (_, Value::String(s)) if s.is_empty() => CustomFieldContent::Empty,
        (3, Value::Number(n)) => n
            .as_f64()
            .map(CustomFieldContent::Number)
            .unwrap_or(CustomFieldContent::Empty),
        (3, Value::String(s)) => s
            .parse()
            .map(CustomFieldContent::Number)
            .unwrap_or(CustomFieldContent::Text(s)),
        (DATE_FIELD, Value::String(s)) => days
            .day_in_text(&s)
            .map(CustomFieldContent::Date)
            .unwrap_or(CustomFieldContent::Text(s)),
        (_, Value::String(s)) => CustomFieldContent::Text(s),
        (_, Value::Number(n)) => CustomFieldContent::Text(n.to_string()),
        (_, item @ Value::Object(_)) => chosen(list_item(item).into_iter().collect()),
        (_, Value::Array(items)) => chosen(items.into_iter().filter_map(list_item).collect()),
        (_, Value::Bool(b)) => CustomFieldContent::Text(b.to_string()),
    }
}

/// The chosen items; none chosen is no value.
fn chosen(items: Vec<Named<i64>>) -> CustomFieldContent {
    if items.is_empty() {
        CustomFieldContent::Empty
    } else {
        CustomFieldContent::Items(items)
    }
}

fn list_item(value: Value) -> Option<Named<i64>> {
    let id = value.get("id")?.as_i64()?;
    let name = value
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or_default();
    Some(Named::new(id, name))
}

impl WireAttachment {
    fn into_attachment(self) -> WireResult<Attachment> {
        Ok(Attachment {
            id: id("attachment id", self.id, AttachmentId::new)?,
            name: self.name,
            size: self.size,
            created_user: self.created_user.map(WireUser::into_ref).transpose()?,
            created: self.created,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::zone::DisplayZone;

    const DOC_EXAMPLE: &str = r##"{
      "id": 1075000123, "projectId": 1073900100, "issueKey": "WEB-42", "keyId": 42,
      "issueType": {"id": 1074000010, "projectId": 1073900100, "name": "Bug", "color": "#990000", "displayOrder": 1},
      "summary": "Login button does nothing on Safari", "description": "Steps:\n1. ...",
      "resolution": null, "priority": {"id": 2, "name": "High"},
      "status": {"id": 2, "projectId": 1073900100, "name": "In Progress", "color": "#4488c5", "displayOrder": 2000},
      "assignee": {"id": 1073800012, "userId": "t.sato", "name": "Taro Sato", "roleType": 2, "lang": "en",
                   "mailAddress": "t.sato@example.com", "nulabAccount": null, "lastLoginTime": "2024-05-02T08:14:22Z"},
      "category": [{"id": 1074100003, "projectId": 1073900100, "name": "Frontend", "displayOrder": 2147483646}],
      "versions": [],
      "milestone": [{"id": 1074200007, "projectId": 1073900100, "name": "Sprint 12", "description": "",
                     "startDate": "2024-06-03T00:00:00Z", "releaseDueDate": "2024-06-14T00:00:00Z",
                     "archived": false, "displayOrder": 0}],
      "startDate": "2024-06-03T00:00:00Z", "dueDate": "2024-06-07T00:00:00Z",
      "estimatedHours": 4.5, "actualHours": null, "parentIssueId": null,
      "createdUser": {"id": 1073800001, "userId": "admin", "name": "Admin", "roleType": 1, "lang": "ja",
                      "mailAddress": "admin@example.com", "nulabAccount": null, "lastLoginTime": "2024-05-03T01:00:00Z"},
      "created": "2024-06-01T09:12:44Z",
      "updatedUser": {"id": 1073800012, "userId": "t.sato", "name": "Taro Sato"},
      "updated": "2024-06-03T10:02:17Z",
      "customFields": [
        {"id": 1076000001, "fieldTypeId": 3, "name": "Story points", "value": 3},
        {"id": 1076000002, "fieldTypeId": 5, "name": "Browser", "value": {"id": 2, "name": "Safari", "displayOrder": 1}},
        {"id": 1076000003, "fieldTypeId": 7, "name": "Platforms", "value": [{"id": 1, "name": "macOS", "displayOrder": 0}], "otherValue": null}
      ],
      "attachments": [{"id": 901, "name": "console.png", "size": 48211, "created": "2024-06-01T09:12:44Z"}],
      "sharedFiles": [], "stars": []
    }"##;

    #[test]
    fn the_documented_issue_converts_with_dates_as_days() {
        let wire: WireIssue = serde_json::from_str(DOC_EXAMPLE).unwrap();
        assert!(!wire.has_zoned_days());
        let issue = wire.into_issue(SpaceDays::utc_midnights()).unwrap();
        assert_eq!(issue.key.to_string(), "WEB-42");
        assert_eq!(issue.status.name, "In Progress");
        assert_eq!(issue.assignee.unwrap().name, "Taro Sato");
        assert_eq!(issue.due_date.unwrap().to_string(), "2024-06-07");
        assert_eq!(issue.milestones[0].name, "Sprint 12");
        assert_eq!(
            issue.custom_fields[0].value,
            CustomFieldContent::Number(3.0)
        );
        assert_eq!(
            issue.custom_fields[1].value,
            CustomFieldContent::Items(vec![Named::new(2, "Safari")])
        );
        assert_eq!(issue.attachments[0].size, 48211);
    }

    #[test]
    fn a_malformed_key_is_an_invalid_response_not_a_panic() {
        let broken = DOC_EXAMPLE.replace("\"WEB-42\"", "\"../x\"");
        let wire: WireIssue = serde_json::from_str(&broken).unwrap();
        assert!(
            wire.into_issue(SpaceDays::utc_midnights())
                .unwrap_err()
                .0
                .contains("issue key")
        );
    }

    #[test]
    fn shared_files_stars_and_the_child_summary_are_kept() {
        let json = DOC_EXAMPLE.replace(
            r#""sharedFiles": [], "stars": []"#,
            r#""sharedFiles": [{"id": 454403, "type": "file", "dir": "/specs/", "name": "login.pdf", "size": 30213,
                               "createdUser": {"id": 1, "name": "Admin"}, "created": "2024-06-01T00:00:00Z",
                               "updatedUser": null, "updated": "2024-06-01T00:00:00Z"}],
               "stars": [{"id": 10, "comment": null, "url": "https://x/view/WEB-42", "title": "t",
                          "presenter": {"id": 2, "name": "B"}, "created": "2024-06-02T00:00:00Z"},
                         {"id": 11, "comment": "nice", "url": "https://x/view/WEB-42", "title": "t",
                          "presenter": {"id": 3, "name": "C"}, "created": "2024-06-02T00:00:00Z"}],
               "childIssueSummary": {"total": 5, "closed": 2}"#,
        );
        let wire: WireIssue = serde_json::from_str(&json).unwrap();
        let issue = wire.into_issue(SpaceDays::utc_midnights()).unwrap();
        assert_eq!(issue.shared_files[0].path(), "/specs/login.pdf");
        assert_eq!(issue.shared_files[0].size, Some(30213));
        assert_eq!(issue.star_count, 2);
        assert_eq!(
            issue.child_issue_summary,
            Some(ChildIssueSummary {
                total: 5,
                closed: 2
            })
        );
        let plain: WireIssue = serde_json::from_str(DOC_EXAMPLE).unwrap();
        let plain = plain.into_issue(SpaceDays::utc_midnights()).unwrap();
        assert_eq!((plain.star_count, plain.child_issue_summary), (0, None));
    }

    #[test]
    fn an_older_space_days_are_read_in_its_timezone() {
        let json = DOC_EXAMPLE
            .replace(
                r#""startDate": "2024-06-03T00:00:00Z""#,
                r#""startDate": "2014-07-15T15:00:00Z""#,
            )
            .replace(
                r#""value": 3}"#,
                r#""value": 3}, {"id": 1076000009, "fieldTypeId": 4, "name": "Target", "value": "2014-08-10T15:00:00Z"}"#,
            );
        let wire: WireIssue = serde_json::from_str(&json).unwrap();
        assert!(wire.has_zoned_days());
        let tokyo = DisplayZone::parse("Asia/Tokyo").unwrap();
        let issue = wire.into_issue(SpaceDays::in_zone(Some(tokyo))).unwrap();
        assert_eq!(issue.start_date.unwrap().to_string(), "2014-07-16");
        assert_eq!(issue.due_date.unwrap().to_string(), "2024-06-07");
        assert_eq!(
            issue.custom_fields[1].value,
            CustomFieldContent::Date(
                crate::domain::calendar_date::CalendarDate::parse("2014-08-11").unwrap()
            )
        );
    }
}
