//! The official server's id-or-key parameter pairs (`projectId`/`projectKey`,
//! `issueId`/`issueKey`): the id wins when it is given and not 0, else the key.
//! Here the id may also be a key or a name. The allow-list is applied by the
//! ports themselves (`app::scope`).

use crate::app::context::AppContext;
use crate::app::tooling::{IdOrName, ToolError};
use crate::domain::issue::Issue;
use crate::domain::project::Project;
use crate::ports::IssueRef;

fn chosen<'a>(
    id_name: &'a str,
    id: Option<&IdOrName>,
    key_name: &'a str,
    key: Option<&str>,
) -> Option<(&'a str, IdOrName)> {
    match (id, key) {
        (Some(id), _) if id.as_id() != Some(0) => Some((id_name, id.clone())),
        (_, Some(key)) if !key.trim().is_empty() => {
            Some((key_name, IdOrName::Name(key.to_owned())))
        }
        _ => None,
    }
}

/// The project a project-scoped tool works on.
pub async fn project(
    app: &AppContext,
    id: Option<&IdOrName>,
    key: Option<&str>,
) -> Result<Project, ToolError> {
    let Some((parameter, value)) = chosen("projectId", id, "projectKey", key) else {
        return Err(ToolError::argument(
            "projectId",
            "a project is required: give projectId (a number, a key such as WEB, or a name) or projectKey",
        ));
    };
    app.resolver().project(parameter, &value).await
}

/// The issue an issue-scoped tool works on, as named: nothing is asked of
/// Backlog here. The allow-list is checked by the port it is passed to
/// (`app::scope`: `ports::Guarded`, or the port written out).
pub async fn issue(
    app: &AppContext,
    id: Option<&IdOrName>,
    key: Option<&str>,
) -> Result<IssueRef, ToolError> {
    let Some((parameter, value)) = chosen("issueId", id, "issueKey", key) else {
        return Err(ToolError::argument(
            "issueKey",
            "an issue is required: give issueKey (e.g. WEB-42) or issueId",
        ));
    };
    app.resolver().issue_ref(parameter, &value)
}

/// The issue itself, fetched (once) from the issue port, which `app::scope`
/// checks against the allow-list.
pub async fn fetched_issue(
    app: &AppContext,
    id: Option<&IdOrName>,
    key: Option<&str>,
) -> Result<Issue, ToolError> {
    let reference = issue(app, id, key).await?;
    Ok(app.backlog.issues.issue(&reference).await?)
}
