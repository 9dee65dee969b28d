//! An issue as Backlog's JSON has it (see "Issue" in Backlog's API reference):
//! the domain issue, with the full objects it names looked up in the memory
//! model's state.

use super::wire::{
    category, day, embedded_issue_type, embedded_user, named, referenced_user, status, timestamp,
    version,
};
use backlog_mcp::adapters::memory::Space;
use backlog_mcp::domain::custom_field::{CustomFieldDefinition, CustomFieldType};
use backlog_mcp::domain::ids::VersionId;
use backlog_mcp::domain::issue::{CustomFieldContent, CustomFieldValue, Issue, Named};
use backlog_mcp::domain::user::UserRef;
use serde_json::{Value, json};

fn user_ref(space: &Space, r: Option<&UserRef>) -> Value {
    r.map_or(Value::Null, |r| referenced_user(space, r, embedded_user))
}

/// A list item with its display order (its place among the field's items).
fn item(definition: &CustomFieldDefinition, chosen: &Named<i64>) -> Value {
    let order = definition
        .items
        .iter()
        .position(|i| i.id == chosen.id)
        .unwrap_or(0);
    json!({"id": chosen.id, "name": chosen.name, "displayOrder": order})
}

fn custom_field(definition: &CustomFieldDefinition, v: &CustomFieldValue) -> Value {
    let kind = definition.field_type;
    let multiple = kind.is_multiple();
    let value = match &v.value {
        CustomFieldContent::Empty if multiple => json!([]),
        CustomFieldContent::Empty => Value::Null,
        CustomFieldContent::Text(t) => Value::from(t.as_str()),
        CustomFieldContent::Number(n) => Value::from(*n),
        CustomFieldContent::Date(d) => day(Some(*d)),
        CustomFieldContent::Items(items) if multiple => {
            Value::Array(items.iter().map(|i| item(definition, i)).collect())
        }
        CustomFieldContent::Items(items) => {
            items.first().map_or(Value::Null, |i| item(definition, i))
        }
    };
    let mut field = json!({
        "id": v.id.get(), "fieldTypeId": kind.id(),
        "name": v.name, "value": value,
    });
    if matches!(kind, CustomFieldType::CheckBox | CustomFieldType::Radio) {
        field["otherValue"] = json!(v.other_value);
    }
    field
}

/// A field the issue leaves unset, which Backlog still lists.
fn unset(definition: &CustomFieldDefinition) -> CustomFieldValue {
    CustomFieldValue {
        id: definition.id,
        name: definition.name.clone(),
        value: CustomFieldContent::Empty,
        other_value: None,
    }
}

/// The full object when the model has it, else `{id, name}`.
fn full<I: Copy + Into<i64>>(n: &Named<I>, found: Option<Value>) -> Value {
    found.unwrap_or_else(|| named(n))
}

pub fn issue(space: &Space, i: &Issue) -> Value {
    let record = space.project_record(i.project_id);
    let issue_type_json = full(
        &i.issue_type,
        record
            .and_then(|r| r.issue_types.iter().find(|t| t.id == i.issue_type.id))
            .map(embedded_issue_type),
    );
    let status_json = full(
        &i.status,
        record
            .and_then(|r| r.statuses.iter().find(|s| s.id == i.status.id))
            .map(status),
    );
    let categories: Vec<Value> = i
        .categories
        .iter()
        .map(|c| {
            full(
                c,
                record
                    .and_then(|r| r.categories.iter().find(|x| x.id == c.id))
                    .map(category),
            )
        })
        .collect();
    let versions = |list: &[Named<VersionId>]| -> Vec<Value> {
        list.iter()
            .map(|v| {
                full(
                    v,
                    record
                        .and_then(|r| r.versions.iter().find(|x| x.id == v.id))
                        .map(version),
                )
            })
            .collect()
    };
    let definitions = record
        .map(|r| r.custom_fields.as_slice())
        .unwrap_or_default();
    // Every field of the issue's type, in the project's order; an unset one
    // with a null value (`[]` for several choices).
    let custom_fields: Vec<Value> = definitions
        .iter()
        .filter(|d| d.applies_to(i.issue_type.id))
        .map(|d| match i.custom_fields.iter().find(|v| v.id == d.id) {
            Some(set) => custom_field(d, set),
            None => custom_field(d, &unset(d)),
        })
        .collect();
    let attachments: Vec<Value> = i
        .attachments
        .iter()
        .map(|a| {
            json!({"id": a.id.get(), "name": a.name, "size": a.size,
                   "createdUser": user_ref(space, a.created_user.as_ref()), "created": timestamp(a.created)})
        })
        .collect();
    let shared_files: Vec<Value> = i
        .shared_files
        .iter()
        .map(|f| {
            json!({"id": f.id.get(), "type": if f.is_directory { "directory" } else { "file" },
                   "dir": f.dir, "name": f.name, "size": f.size})
        })
        .collect();
    // Only their number is modelled.
    let stars: Vec<Value> = (0..i.star_count)
        .map(|n| json!({"id": n + 1, "comment": null, "url": "", "title": "", "presenter": null, "created": null}))
        .collect();
    let mut answer = json!({
        "id": i.id.get(), "projectId": i.project_id.get(), "issueKey": i.key.to_string(),
        "keyId": i.key.number(), "issueType": issue_type_json, "summary": i.summary,
        "description": i.description, "resolution": i.resolution.as_ref().map(named),
        "priority": i.priority.as_ref().map(named), "status": status_json,
        "assignee": user_ref(space, i.assignee.as_ref()), "category": categories,
        "versions": versions(&i.versions), "milestone": versions(&i.milestones),
        "startDate": day(i.start_date), "dueDate": day(i.due_date),
        "estimatedHours": i.estimated_hours, "actualHours": i.actual_hours,
        "parentIssueId": i.parent_issue_id.map(|id| id.get()),
        "createdUser": user_ref(space, i.created_user.as_ref()), "created": timestamp(Some(i.created)),
        "updatedUser": user_ref(space, i.updated_user.as_ref()), "updated": timestamp(i.updated),
        "customFields": custom_fields, "attachments": attachments,
        "sharedFiles": shared_files, "stars": stars,
    });
    if let Some(summary) = i.child_issue_summary {
        answer["childIssueSummary"] = json!({"total": summary.total, "closed": summary.closed});
    }
    answer
}
