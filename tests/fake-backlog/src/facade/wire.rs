//! Backlog's JSON shapes, written from Backlog's API reference for the domain
//! values the memory model answers with. Independent of the HTTP adapter's DTOs, so a scenario run over
//! the façade checks the wire format from both sides.

use backlog_mcp::adapters::memory::Space as MemorySpace;
use backlog_mcp::domain::calendar_date::CalendarDate;
use backlog_mcp::domain::custom_field::{CustomFieldDefinition, InitialDate, TypeSettings};
use backlog_mcp::domain::issue::Named;
use backlog_mcp::domain::project::{Category, IssueType, Project, Status, Version};
use backlog_mcp::domain::space::Space;
use backlog_mcp::domain::user::{User, UserRef};
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Value, json};

pub fn timestamp(t: Option<DateTime<Utc>>) -> Value {
    t.map_or(Value::Null, |t| {
        Value::from(t.to_rfc3339_opts(SecondsFormat::Secs, true))
    })
}

/// Days are timestamps at midnight UTC.
pub fn day(d: Option<CalendarDate>) -> Value {
    d.map_or(Value::Null, |d| Value::from(format!("{d}T00:00:00Z")))
}

pub fn space(s: &Space) -> Value {
    json!({
        "spaceKey": s.space_key, "name": s.name,
        "ownerId": s.owner_id.map(|id| id.get()), "lang": s.lang,
        "timezone": s.timezone, "reportSendTime": "08:00:00",
        "textFormattingRule": s.text_formatting_rule,
        "created": timestamp(s.created), "updated": timestamp(s.updated),
    })
}

/// `GET /users` items: the embedded shape plus `keyword`.
pub fn user(u: &User) -> Value {
    let mut value = embedded_user(u);
    if let Some(fields) = value.as_object_mut() {
        fields.shift_insert(7, "keyword".to_owned(), json!(u.name));
    }
    value
}

/// The full user a reference names, written by `write`; a user the space no
/// longer has is written as the `{id, name}` the reference carries.
pub fn referenced_user(space: &MemorySpace, r: &UserRef, write: fn(&User) -> Value) -> Value {
    space
        .users
        .iter()
        .find(|u| u.id == r.id)
        .map_or_else(|| json!({"id": r.id.get(), "name": r.name}), write)
}

/// A user inside an issue or comment: without `keyword`, as Backlog sends it.
pub fn embedded_user(u: &User) -> Value {
    json!({
        "id": u.id.get(), "userId": u.login_id, "name": u.name,
        "roleType": u.role_type, "lang": u.lang, "mailAddress": u.mail_address,
        "nulabAccount": null, "lastLoginTime": timestamp(u.last_login),
    })
}

pub fn named<I: Copy + Into<i64>>(n: &Named<I>) -> Value {
    json!({"id": n.id.into(), "name": n.name})
}

pub fn project(p: &Project) -> Value {
    json!({
        "id": p.id.get(), "projectKey": p.key.as_str(), "name": p.name,
        "chartEnabled": p.chart_enabled, "useResolvedForChart": false,
        "subtaskingEnabled": p.subtasking_enabled,
        "projectLeaderCanEditProjectLeader": p.project_leader_can_edit_project_leader,
        "useWiki": true, "useFileSharing": true, "useWikiTreeView": true,
        "useOriginalImageSizeAtWiki": false, "useSubversion": false, "useGit": true,
        "textFormattingRule": p.text_formatting_rule, "archived": p.archived,
        "displayOrder": 2_147_483_646, "useDevAttributes": true,
        "grandchildIssueEnabled": false,
    })
}

pub fn status(s: &Status) -> Value {
    json!({
        "id": s.id.get(), "projectId": s.project_id.map(|id| id.get()), "name": s.name,
        "color": s.color, "displayOrder": s.display_order,
    })
}

/// `GET /projects/:p/issueTypes` items: the embedded shape plus the templates.
pub fn issue_type(t: &IssueType) -> Value {
    let mut value = embedded_issue_type(t);
    value["templateSummary"] = Value::Null;
    value["templateDescription"] = Value::Null;
    value
}

/// An issue's `issueType`: without the templates, as Backlog sends it.
pub fn embedded_issue_type(t: &IssueType) -> Value {
    json!({
        "id": t.id.get(), "projectId": t.project_id.map(|id| id.get()), "name": t.name,
        "color": t.color, "displayOrder": t.display_order,
    })
}

pub fn category(c: &Category) -> Value {
    json!({"id": c.id.get(), "name": c.name, "displayOrder": c.display_order})
}

pub fn version(v: &Version) -> Value {
    json!({
        "id": v.id.get(), "projectId": v.project_id.map(|id| id.get()), "name": v.name,
        "description": v.description, "startDate": day(v.start_date),
        "releaseDueDate": day(v.release_due_date), "archived": v.archived,
        "displayOrder": v.display_order,
    })
}

/// A custom field definition (reference: "CustomField (definition)").
pub fn custom_field(f: &CustomFieldDefinition) -> Value {
    let mut field = json!({
        "id": f.id.get(), "typeId": f.field_type.id(), "name": f.name,
        "description": f.description, "required": f.required,
        "useIssueType": !f.applicable_issue_types.is_empty(),
        "applicableIssueTypes": f.applicable_issue_types.iter().map(|t| t.get()).collect::<Vec<_>>(),
        "displayOrder": 2_147_483_646,
    });
    if f.field_type.has_items() {
        let items: Vec<Value> = f
            .items
            .iter()
            .enumerate()
            .map(|(order, i)| json!({"id": i.id, "name": i.name, "displayOrder": order}))
            .collect();
        field["items"] = Value::Array(items);
        field["allowAddItem"] = json!(f.allow_add_item);
        field["allowInput"] = json!(f.allow_input);
    }
    match &f.settings {
        TypeSettings::None => {}
        TypeSettings::Numeric {
            min,
            max,
            initial_value,
            unit,
        } => {
            field["min"] = json!(min);
            field["max"] = json!(max);
            field["initialValue"] = json!(initial_value);
            field["unit"] = json!(unit);
        }
        TypeSettings::Date { min, max, initial } => {
            field["min"] = json!(min.map(|d| d.to_string()));
            field["max"] = json!(max.map(|d| d.to_string()));
            field["initialDate"] = match initial {
                None => Value::Null,
                Some(InitialDate::Today) => json!({"id": 1}),
                Some(InitialDate::DaysAfterToday(shift)) => json!({"id": 2, "shift": shift}),
                Some(InitialDate::Fixed(d)) => json!({"id": 3, "date": d.to_string()}),
            };
        }
    }
    field
}
