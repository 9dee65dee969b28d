//! Recent updates: every write appends one, like Backlog's activity stream;
//! reading filters by type and pages by id (`minId`/`maxId` exclusive), newest
//! first unless asked otherwise.

use super::id_counters::{allocate, typed};
use super::space::Space;
use crate::domain::activity::{Activity, ActivityContent, ActivityProject, ActivityQuery};
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::{ActivityId, ProjectId, UserId};
use crate::domain::issue::Issue;
use crate::domain::issue_filter::SortOrder;
use crate::domain::user::UserRef;
use chrono::{DateTime, Utc};

pub const ISSUE_CREATED: i64 = 1;
pub const ISSUE_UPDATED: i64 = 2;
pub const ISSUE_COMMENTED: i64 = 3;
pub const ISSUE_DELETED: i64 = 4;
pub const WIKI_CREATED: i64 = 5;
pub const WIKI_UPDATED: i64 = 6;
pub const FILE_ADDED: i64 = 8;
pub const GIT_PUSHED: i64 = 12;
pub const GIT_REPOSITORY_CREATED: i64 = 13;
pub const PROJECT_USER_ADDED: i64 = 15;
pub const PULL_REQUEST_ADDED: i64 = 18;
pub const MILESTONE_CREATED: i64 = 22;
pub const MILESTONE_UPDATED: i64 = 23;
pub const MILESTONE_DELETED: i64 = 24;

/// What an activity is about, before it gets its id.
pub struct ActivityDraft {
    pub type_id: i64,
    pub project: ProjectId,
    pub content: ActivityContent,
    pub created_user: Option<UserRef>,
    pub created: DateTime<Utc>,
}

/// The content of an issue activity: its number and summary.
pub fn about_issue(issue: &Issue) -> ActivityContent {
    ActivityContent {
        issue_number: Some(issue.key.number()),
        title: Some(issue.summary.clone()),
        ..ActivityContent::default()
    }
}

/// The content of a wiki, repository, file, project or version activity: its name.
pub fn titled(title: impl Into<String>) -> ActivityContent {
    ActivityContent {
        title: Some(title.into()),
        ..ActivityContent::default()
    }
}

impl Space {
    /// Appends an activity with the next id.
    pub(super) fn record_activity(&mut self, draft: ActivityDraft) -> Result<(), BacklogError> {
        let project = self
            .project_record(draft.project)
            .map(|record| ActivityProject {
                id: record.project.id,
                key: record.project.key.clone(),
                name: record.project.name.clone(),
            });
        let id = allocate(
            &mut self.counters.activity,
            self.activities.iter().map(|a| a.id.get()),
        );
        self.activities.push(Activity {
            id: typed(id, ActivityId::new)?,
            type_id: draft.type_id,
            project,
            content: draft.content,
            created_user: draft.created_user,
            created: draft.created,
        });
        Ok(())
    }

    /// Appends an activity by the API key's user, now-stamped by the caller.
    pub(super) fn record_my_activity(
        &mut self,
        type_id: i64,
        project: ProjectId,
        content: ActivityContent,
        at: DateTime<Utc>,
    ) -> Result<(), BacklogError> {
        let me = self.myself_ref()?;
        self.record_activity(ActivityDraft {
            type_id,
            project,
            content,
            created_user: Some(me),
            created: at,
        })
    }

    /// One page of the activities of the space, a project or a user.
    pub(super) fn activity_page(
        &self,
        query: &ActivityQuery,
        source: ActivitySource,
    ) -> Vec<Activity> {
        let mut found: Vec<&Activity> = self
            .activities
            .iter()
            .filter(|a| source.includes(a))
            .filter(|a| query.type_ids.is_empty() || query.type_ids.contains(&a.type_id))
            .filter(|a| query.min_id.is_none_or(|min| a.id > min))
            .filter(|a| query.max_id.is_none_or(|max| a.id < max))
            .collect();
        found.sort_by_key(|a| a.id);
        if query.order == SortOrder::Desc {
            found.reverse();
        }
        let count = usize::try_from(query.count.get()).unwrap_or(usize::MAX);
        found.into_iter().take(count).cloned().collect()
    }
}

/// Whose activities a page lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ActivitySource {
    Space,
    Project(ProjectId),
    User(UserId),
}

impl ActivitySource {
    fn includes(self, activity: &Activity) -> bool {
        match self {
            Self::Space => true,
            Self::Project(project) => activity.project.as_ref().is_some_and(|p| p.id == project),
            Self::User(user) => activity.created_user.as_ref().is_some_and(|u| u.id == user),
        }
    }
}
