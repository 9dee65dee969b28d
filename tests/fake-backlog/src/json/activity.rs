//! Activity rendering: `{id, project, type, content, notifications, createdUser,
//! created}`, with the snake_case `content` keys Backlog uses there.

use super::{ProjectJson, Ts, UserJson, embedded_user, project, user_by_id};
use crate::space::{Activity, ActivityContent, Space};
use serde::Serialize;
use serde_json::{Value, json};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivityJson<'a> {
    id: i64,
    project: Option<ProjectJson<'a>>,
    #[serde(rename = "type")]
    type_id: i64,
    content: Value,
    /// Always empty since 2022-02-09.
    notifications: [(); 0],
    created_user: UserJson<'a>,
    created: Ts,
}

pub fn activity<'a>(space: &'a Space, a: &'a Activity) -> ActivityJson<'a> {
    ActivityJson {
        id: a.id,
        project: space.project(a.project_id).map(project),
        type_id: a.type_id,
        content: content(space, &a.content),
        notifications: [],
        created_user: user_by_id(space, a.created_user_id),
        created: Ts(a.created),
    }
}

fn content(space: &Space, c: &ActivityContent) -> Value {
    let day = |d: &Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    match c {
        ActivityContent::Issue {
            issue_id,
            key_id,
            summary,
            description,
            comment,
            changes,
            attachments,
        } => json!({
            "id": issue_id,
            "key_id": key_id,
            "summary": summary,
            "description": description,
            "comment": comment.as_ref().map(|(id, content)| json!({"id": id, "content": content})),
            "changes": changes
                .iter()
                .map(|ch| json!({
                    "field": ch.field,
                    "new_value": ch.new_value,
                    "old_value": ch.old_value,
                    "type": ch.kind,
                }))
                .collect::<Vec<_>>(),
            "attachments": attachments
                .iter()
                .map(|(id, name, size)| json!({"id": id, "name": name, "size": size}))
                .collect::<Vec<_>>(),
            "shared_files": [],
            "external_file_links": [],
        }),
        ActivityContent::Wiki {
            id,
            name,
            content,
            diff,
            version,
        } => json!({
            "id": id,
            "name": name,
            "content": content,
            "diff": diff,
            "version": version,
            "attachments": [],
            "shared_files": [],
        }),
        ActivityContent::Milestone {
            id,
            name,
            start_date,
            reference_date,
            description,
        } => json!({
            "id": id,
            "name": name,
            "start_date": day(start_date),
            "reference_date": day(reference_date),
            "description": description,
        }),
        ActivityContent::ProjectUsers { user_ids, comment } => json!({
            "users": user_ids
                .iter()
                .filter_map(|&id| space.user(id))
                .map(embedded_user)
                .collect::<Vec<_>>(),
            "group_project_activities": [],
            "comment": comment,
        }),
        ActivityContent::Other(value) => value.clone(),
    }
}
