//! Recent updates ("activities") of a space, a project or a user.

use super::comment::ChangeLogEntry;
use super::ids::{ActivityId, ProjectId};
use super::issue::SharedFile;
use super::issue_filter::{PageSize, SortOrder};
use super::keys::ProjectKey;
use super::user::UserRef;
use chrono::{DateTime, Utc};

/// Backlog's activity type ids with their names.
pub const ACTIVITY_TYPES: [(i64, &str); 40] = [
    (1, "IssueCreated"),
    (2, "IssueUpdated"),
    (3, "IssueCommented"),
    (4, "IssueDeleted"),
    (5, "WikiCreated"),
    (6, "WikiUpdated"),
    (7, "WikiDeleted"),
    (8, "FileAdded"),
    (9, "FileUpdated"),
    (10, "FileDeleted"),
    (11, "SvnCommitted"),
    (12, "GitPushed"),
    (13, "GitRepositoryCreated"),
    (14, "IssueMultiUpdated"),
    (15, "ProjectUserAdded"),
    (16, "ProjectUserRemoved"),
    (17, "NotifyAdded"),
    (18, "PullRequestAdded"),
    (19, "PullRequestUpdated"),
    (20, "PullRequestCommented"),
    (21, "PullRequestMerged"),
    (22, "MilestoneCreated"),
    (23, "MilestoneUpdated"),
    (24, "MilestoneDeleted"),
    (25, "ProjectGroupAdded"),
    (26, "ProjectGroupDeleted"),
    (34, "StatusDeleted"),
    (35, "IssuesDatesUpdated"),
    (36, "DocumentCreated"),
    (37, "DocumentDeleted"),
    (38, "DocumentTitleUpdated"),
    (40, "DocumentCommentCreated"),
    (41, "DocumentCommentUpdated"),
    (42, "DocumentCommentDeleted"),
    (43, "DocumentReplyCreated"),
    (44, "DocumentReplyUpdated"),
    (45, "DocumentReplyDeleted"),
    (46, "DocumentAttachmentCreated"),
    (47, "IssueMultiCreated"),
    (48, "DocumentMultiCreated"),
];

/// The name of an activity type id, e.g. 2 → `IssueUpdated`.
pub fn activity_type_name(type_id: i64) -> Option<&'static str> {
    ACTIVITY_TYPES
        .iter()
        .find(|(id, _)| *id == type_id)
        .map(|(_, name)| *name)
}

/// The project an activity happened in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityProject {
    pub id: ProjectId,
    pub key: ProjectKey,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub id: ActivityId,
    /// Backlog's activity type id (see [`ACTIVITY_TYPES`]).
    pub type_id: i64,
    pub project: Option<ActivityProject>,
    pub content: ActivityContent,
    pub created_user: Option<UserRef>,
    pub created: DateTime<Utc>,
}

/// What an activity is about, as far as its kind tells.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActivityContent {
    /// The issue's per-project number (`key_id`): of the issue for issue
    /// activities, of the linked issue for pull request activities.
    pub issue_number: Option<u64>,
    /// The issue summary, wiki page name, pull request summary, file name or
    /// repository name.
    pub title: Option<String>,
    /// The comment's text, when the activity is a comment (or the note of a
    /// project membership change, the message of a Subversion commit).
    pub comment: Option<String>,
    pub changes: Vec<ChangeLogEntry>,
    /// The users added to or removed from the project (types 15 and 16).
    pub users: Vec<UserRef>,
    /// The pull request's number within its repository (types 18–21).
    pub pull_request_number: Option<u64>,
    /// The git repository of pull request and git activities.
    pub repository: Option<String>,
    /// The shared file added, updated or deleted (types 8–10).
    pub file: Option<SharedFile>,
    /// The Subversion revision (type 11).
    pub revision: Option<u64>,
    /// Shared files linked to the issue by the change (type 2).
    pub shared_files: Vec<SharedFile>,
}

/// Which activities to fetch: filtered by type, paged by id.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityQuery {
    /// Empty: every type.
    pub type_ids: Vec<i64>,
    pub min_id: Option<ActivityId>,
    pub max_id: Option<ActivityId>,
    pub count: PageSize,
    pub order: SortOrder,
}
