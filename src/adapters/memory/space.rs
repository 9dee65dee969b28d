//! The state of an in-memory space.

use super::errors::not_found;
use super::id_counters::IdCounters;
use crate::domain::activity::Activity;
use crate::domain::backlog_error::BacklogError;
use crate::domain::comment::Comment;
use crate::domain::custom_field::CustomFieldDefinition;
use crate::domain::ids::{AttachmentId, IssueId, ProjectId, UserId, WatchingId};
use crate::domain::issue::Issue;
use crate::domain::project::{Category, IssueType, Project, Status, Version};
use crate::domain::space::Space as SpaceInfo;
use crate::domain::user::{User, UserRef};
use chrono::{DateTime, Duration, SubsecRound, Utc};
use std::collections::{HashMap, HashSet};

/// A project with the vocabulary its issues use.
#[derive(Debug, Clone)]
pub struct ProjectRecord {
    pub project: Project,
    pub statuses: Vec<Status>,
    pub issue_types: Vec<IssueType>,
    pub categories: Vec<Category>,
    pub versions: Vec<Version>,
    pub members: Vec<UserId>,
    /// Custom field definitions, in display order.
    pub custom_fields: Vec<CustomFieldDefinition>,
}

/// One entry of a user's watch list.
#[derive(Debug, Clone, PartialEq)]
pub struct WatchingRecord {
    pub id: WatchingId,
    /// Whose watch list it is on.
    pub user: UserId,
    pub issue: IssueId,
    pub note: String,
    /// The user has opened the issue since its last change.
    pub resource_already_read: bool,
    /// The user has seen the entry in the watch list since its last change.
    pub already_read: bool,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
}

/// A star a user received (for a comment, an issue, a wiki page …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StarRecord {
    pub id: i64,
    pub receiver: UserId,
    pub presenter: UserId,
    pub created: DateTime<Utc>,
}

/// The bytes of an issue attachment; its metadata lives in `Issue::attachments`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    pub issue: IssueId,
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}

/// Everything a memory space holds.
#[derive(Debug, Clone, Default)]
pub struct Space {
    /// The user the "API key" belongs to.
    pub myself: Option<UserId>,
    /// The space itself, as `GET /space` describes it.
    pub info: Option<SpaceInfo>,
    pub users: Vec<User>,
    pub projects: Vec<ProjectRecord>,
    pub issues: Vec<Issue>,
    pub comments: HashMap<IssueId, Vec<Comment>>,
    /// Recent updates, oldest first (ascending ids).
    pub activities: Vec<Activity>,
    /// Every user's watch list, in ascending id order.
    pub watchings: Vec<WatchingRecord>,
    pub stars: Vec<StarRecord>,
    /// Attachment contents by attachment id.
    pub files: HashMap<AttachmentId, StoredFile>,
    /// "Related issue" links. A link is symmetric and stored once, in the order made.
    pub related: Vec<(IssueId, IssueId)>,
    /// Ids handed out so far; never reused, even after a deletion.
    pub counters: IdCounters,
    /// The latest instant given to a write: writes never go back in time, so a
    /// write made while the seed lies in the future still sorts as the newest.
    pub clock: DateTime<Utc>,
}

impl Space {
    pub fn project_record(&self, id: ProjectId) -> Option<&ProjectRecord> {
        self.projects.iter().find(|p| p.project.id == id)
    }

    /// Ids of the issues that have at least one child.
    pub fn parent_ids(&self) -> HashSet<IssueId> {
        self.issues
            .iter()
            .filter_map(|i| i.parent_issue_id)
            .collect()
    }

    pub(super) fn issue_by_id(&self, id: IssueId) -> Option<&Issue> {
        self.issues.iter().find(|i| i.id == id)
    }

    pub(super) fn user(&self, id: UserId) -> Option<&User> {
        self.users.iter().find(|u| u.id == id)
    }

    /// The user, or Backlog's "No user." when the space has none by that id.
    pub(super) fn known_user(&self, id: UserId) -> Result<&User, BacklogError> {
        self.user(id)
            .ok_or_else(|| not_found(format!("user {id}"), "No user."))
    }

    /// The API key's user, as writes record it; like Backlog, a space without
    /// one refuses the request.
    pub(super) fn myself_user(&self) -> Result<&User, BacklogError> {
        self.myself
            .and_then(|me| self.user(me))
            .ok_or(BacklogError::AuthenticationFailed {
                detail: Some("the memory space has no current user".into()),
            })
    }

    pub(super) fn myself_ref(&self) -> Result<UserRef, BacklogError> {
        self.myself_user().map(User::to_ref)
    }

    /// The instant of a write: the wall clock to the second, but always after
    /// the previous write (and after the seed's latest instant).
    pub(super) fn tick(&mut self) -> DateTime<Utc> {
        let now = Utc::now()
            .trunc_subsecs(0)
            .max(self.clock + Duration::seconds(1));
        self.clock = now;
        now
    }
}
