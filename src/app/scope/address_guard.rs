//! The allow-list as the guard of the ports whose every method addresses one
//! project or issue (statuses, issue types, categories, custom fields,
//! versions, comments, attachments): each call is checked by its first
//! argument before it reaches Backlog (`ports::Guarded`).

use super::ScopedBacklog;
use crate::domain::backlog_error::BacklogError;
use crate::ports::{AddressGuard, IssueRef, ProjectRef};
use async_trait::async_trait;

#[async_trait]
impl AddressGuard for ScopedBacklog {
    async fn project(&self, project: &ProjectRef) -> Result<ProjectRef, BacklogError> {
        self.allowed_ref(project).await
    }

    async fn issue(&self, issue: &IssueRef) -> Result<(), BacklogError> {
        self.allowed_issue(issue).await.map(drop)
    }
}
