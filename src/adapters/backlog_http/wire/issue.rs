use super::{WireError, WireNamed, WireResult, WireUser, calendar_date, id, named_list};
use crate::domain::calendar_date::CalendarDate;
use crate::domain::ids::{
    AttachmentId, CategoryId, CustomFieldId, IssueId, IssueTypeId, PriorityId, ProjectId,
    ResolutionId, StatusId, VersionId,
};
use crate::domain::issue::{Attachment, CustomFieldContent, CustomFieldValue, Issue, Named};
use crate::domain::keys::IssueKey;
use chrono::{DateTime, Utc};
use serde::Deserialize;
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
    pub created_user: Option<WireUser>,
    pub created: DateTime<Utc>,
    #[serde(default)]
    pub updated_user: Option<WireUser>,
    #[serde(default)]
    pub updated: Option<DateTime<Utc>>,
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

impl WireIssue {
    pub fn into_issue(self) -> WireResult<Issue> {
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
            start_date: calendar_date(self.start_date),
            due_date: calendar_date(self.due_date),
            estimated_hours: self.estimated_hours,
            actual_hours: self.actual_hours,
            parent_issue_id: self
                .parent_issue_id
                .map(|p| id("parent issue id", p, IssueId::new))
                .transpose()?,
            custom_fields: self
                .custom_fields
                .into_iter()
                .map(WireCustomFieldValue::into_value)
                .collect::<WireResult<_>>()?,
            attachments: self
                .attachments
                .into_iter()
                .map(WireAttachment::into_attachment)
                .collect::<WireResult<_>>()?,
            created_user: self.created_user.map(WireUser::into_ref).transpose()?,
            created: self.created,
            updated_user: self.updated_user.map(WireUser::into_ref).transpose()?,
            updated: self.updated,
        })
    }
}

impl WireCustomFieldValue {
    fn into_value(self) -> WireResult<CustomFieldValue> {
        Ok(CustomFieldValue {
            id: id("custom field id", self.id, CustomFieldId::new)?,
            name: self.name,
            value: custom_field_content(self.field_type_id, self.value),
            other_value: self.other_value,
        })
    }
}

/// Reads a custom field's `value`, whose JSON type depends on the field type:
/// text 1–2, numeric 3, date 4, single list 5 and radio 8 (one item), multiple
/// list 6 and check box 7 (an array of items).
fn custom_field_content(field_type_id: i64, value: Value) -> CustomFieldContent {
    match (field_type_id, value) {
        (_, Value::Null) => CustomFieldContent::Empty,
        (3, Value::Number(n)) => n
            .as_f64()
            .map(CustomFieldContent::Number)
            .unwrap_or(CustomFieldContent::Empty),
        (3, Value::String(s)) => s
            .parse()
            .map(CustomFieldContent::Number)
            .unwrap_or(CustomFieldContent::Text(s)),
        (4, Value::String(s)) => date_value(&s)
            .map(CustomFieldContent::Date)
            .unwrap_or(CustomFieldContent::Text(s)),
        (_, Value::String(s)) => CustomFieldContent::Text(s),
        (_, Value::Number(n)) => CustomFieldContent::Text(n.to_string()),
        (_, item @ Value::Object(_)) => {
            CustomFieldContent::Items(list_item(item).into_iter().collect())
        }
        (_, Value::Array(items)) => {
            CustomFieldContent::Items(items.into_iter().filter_map(list_item).collect())
        }
        (_, Value::Bool(b)) => CustomFieldContent::Text(b.to_string()),
    }
}

fn date_value(text: &str) -> Option<CalendarDate> {
    CalendarDate::parse(text.get(..10).unwrap_or(text)).ok()
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
        let issue = wire.into_issue().unwrap();
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
        assert!(wire.into_issue().unwrap_err().0.contains("issue key"));
    }
}
