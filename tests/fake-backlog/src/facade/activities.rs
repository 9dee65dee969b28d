//! Recent updates: `GET /space/activities`, `/projects/:p/activities`,
//! `/users/:id/activities` (`activityTypeId[]`, `minId`, `maxId`, `count`,
//! `order`). `content` has snake_case keys and a shape per activity type.

use super::wire::{project, referenced_user, timestamp, user};
use super::{AppState, ServedModel, answer_all, path_id, project_ref, refusal};
use crate::errors::{ApiError, ApiResult};
use crate::params::Query;
use axum::Router;
use axum::extract::Path;
use axum::routing::get;
use backlog_mcp::adapters::memory::Space;
use backlog_mcp::domain::activity::{Activity, ActivityContent, ActivityQuery};
use backlog_mcp::domain::ids::{ActivityId, UserId};
use backlog_mcp::ports::ActivityRepository;
use serde_json::{Value, json};

pub(super) fn routes() -> Router<ServedModel> {
    Router::new()
        .route("/api/v2/space/activities", get(of_space))
        .route("/api/v2/projects/{project}/activities", get(of_project))
        .route("/api/v2/users/{user}/activities", get(of_user))
}

fn content(space: &Space, type_id: i64, c: &ActivityContent) -> Value {
    let changes: Vec<Value> = c
        .changes
        .iter()
        .map(|e| json!({"field": e.field, "new_value": e.new_value, "old_value": e.original_value, "type": "standard"}))
        .collect();
    let comment = c
        .comment
        .as_ref()
        .map(|text| json!({"id": 1, "content": text}));
    let files: Vec<Value> = c
        .shared_files
        .iter()
        .map(|f| json!({"id": f.id.get(), "type": "file", "dir": f.dir, "name": f.name, "size": f.size}))
        .collect();
    match type_id {
        1..=4 | 14 | 17 => json!({
            "id": 1, "key_id": c.issue_number, "summary": c.title, "description": "",
            "comment": comment, "changes": changes, "attachments": [],
            "shared_files": files, "external_file_links": [],
        }),
        5..=7 => json!({"id": 1, "name": c.title, "content": "", "diff": "", "version": 1}),
        8..=10 => c.file.as_ref().map_or(
            json!({}),
            |f| json!({"id": f.id.get(), "dir": f.dir, "name": f.name, "size": f.size}),
        ),
        11 => json!({"rev": c.revision, "comment": c.comment}),
        12 | 13 => json!({
            "repository": {"id": 1, "name": c.repository, "description": ""},
            "change_type": "update", "revision_type": "commit", "ref": "refs/heads/main",
            "revision_count": 0, "revisions": [],
        }),
        15 | 16 => {
            let users: Vec<Value> = c
                .users
                .iter()
                .map(|r| referenced_user(space, r, user))
                .collect();
            json!({"users": users, "group_project_activities": [], "comment": c.comment})
        }
        18..=20 => json!({
            "id": 1, "number": c.pull_request_number, "summary": c.title, "description": "",
            "comment": comment, "changes": changes,
            "issue": c.issue_number.map(|n| json!({"id": 1, "key_id": n, "summary": "", "description": ""})),
            "repository": {"id": 1, "name": c.repository, "description": ""},
        }),
        _ => json!({"id": 1, "name": c.title}),
    }
}

fn activity(space: &Space, a: &Activity) -> Value {
    let project_json = a.project.as_ref().map(|p| {
        space.project_record(p.id).map_or_else(
            || json!({"id": p.id.get(), "projectKey": p.key.as_str(), "name": p.name}),
            |r| project(&r.project),
        )
    });
    let created_user = a
        .created_user
        .as_ref()
        .map(|r| referenced_user(space, r, user));
    json!({
        "id": a.id.get(), "project": project_json, "type": a.type_id,
        "content": content(space, a.type_id, &a.content), "notifications": [],
        "createdUser": created_user, "created": timestamp(Some(a.created)),
    })
}

fn query(q: &Query) -> Result<ActivityQuery, ApiError> {
    Ok(ActivityQuery {
        type_ids: q.ints("activityTypeId")?,
        min_id: q.id("minId", ActivityId::new)?,
        max_id: q.id("maxId", ActivityId::new)?,
        count: q.page_size()?,
        order: q.sort_order()?,
    })
}

pub async fn of_space(state: AppState, q: Query) -> ApiResult {
    let found = state.space_activities(&query(&q)?).await.map_err(refusal)?;
    answer_all(&state, &found, activity)
}

pub async fn of_project(state: AppState, q: Query, Path(p): Path<String>) -> ApiResult {
    let found = state
        .project_activities(&project_ref(&p)?, &query(&q)?)
        .await
        .map_err(refusal)?;
    answer_all(&state, &found, activity)
}

pub async fn of_user(state: AppState, q: Query, Path(user): Path<String>) -> ApiResult {
    let user = path_id(&user, UserId::new, "No user.")?;
    let found = state
        .user_activities(user, &query(&q)?)
        .await
        .map_err(refusal)?;
    answer_all(&state, &found, activity)
}
