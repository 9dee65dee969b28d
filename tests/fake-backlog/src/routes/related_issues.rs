//! `GET / POST /issues/:k/relatedIssues` and `DELETE /issues/:k/relatedIssues/:id`.
//!
//! Links are symmetric: linking A to B lists A under B too. Each listed issue carries
//! `"type": "RELATES"`; POST and DELETE answer with the other issue in that shape.
//! `targetIssueId` must name another existing issue not linked yet (else 400 / code 7).

use super::{AppState, Form, issue_id};
use crate::errors::{ApiError, ApiResult, json_ok};
use crate::json;
use axum::extract::Path;

pub(super) async fn list(state: AppState, Path(issue): Path<String>) -> ApiResult {
    let space = state.space.lock();
    let id = issue_id(&space, &issue)?;
    let related: Vec<_> = space
        .related_issue_ids(id)
        .into_iter()
        .filter_map(|other| space.issue(other))
        .map(|i| json::related_issue(&space, i))
        .collect();
    Ok(json_ok(&related))
}

pub(super) async fn add(state: AppState, form: Form, Path(issue): Path<String>) -> ApiResult {
    let mut space = state.space.lock();
    let id = issue_id(&space, &issue)?;
    let target = form.required_int("targetIssueId")?;
    let invalid = |why: &str| ApiError::invalid(format!("Invalid targetIssueId: {why}"));
    if space.issue(target).is_none() {
        return Err(invalid(&format!("no issue {target}")));
    }
    if target == id {
        return Err(invalid("an issue cannot be related to itself"));
    }
    if space.related_issue_ids(id).contains(&target) {
        return Err(invalid("the issues are already related"));
    }
    space.related_issues.push((id, target));
    let other = space.issue(target).expect("checked");
    Ok(json_ok(&json::related_issue(&space, other)))
}

pub(super) async fn remove(
    state: AppState,
    Path((issue, related)): Path<(String, String)>,
) -> ApiResult {
    let mut space = state.space.lock();
    let id = issue_id(&space, &issue)?;
    let other = space
        .issue_by_id_or_key(&related)
        .map(|i| i.id)
        .filter(|other| space.related_issue_ids(id).contains(other))
        .ok_or_else(|| ApiError::not_found("No related issue."))?;
    space
        .related_issues
        .retain(|&link| link != (id, other) && link != (other, id));
    let other = space.issue(other).expect("exists");
    Ok(json_ok(&json::related_issue(&space, other)))
}
