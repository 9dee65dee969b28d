//! Changing a running server's space: [`SpaceHandle`] and the [`NewIssue`] description.

use super::{
    Activity, Attachment, ChangeLogEntry, Comment, CustomValue, Issue, Project, Space, Watching,
};
use chrono::{DateTime, NaiveDate, Utc};
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

/// An issue to add; everything but the project and summary has a default.
///
/// Defaults: the project's first issue type, status 1 (Open), priority 3 (Normal), no
/// assignee, created by "myself", `created == updated ==` the space clock's next tick.
#[derive(Debug, Clone, PartialEq)]
pub struct NewIssue {
    /// Project id or key.
    pub project: String,
    pub summary: String,
    pub description: String,
    pub issue_type_id: Option<i64>,
    pub status_id: i64,
    pub priority_id: i64,
    pub resolution_id: Option<i64>,
    pub assignee_id: Option<i64>,
    pub category_ids: Vec<i64>,
    pub version_ids: Vec<i64>,
    pub milestone_ids: Vec<i64>,
    pub start_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    pub estimated_hours: Option<f64>,
    pub actual_hours: Option<f64>,
    pub parent_issue_id: Option<i64>,
    pub created_user_id: Option<i64>,
    pub created: Option<DateTime<Utc>>,
    pub updated: Option<DateTime<Utc>>,
    pub custom_fields: Vec<(i64, CustomValue)>,
}

impl NewIssue {
    pub fn new(project: impl Into<String>, summary: impl Into<String>) -> NewIssue {
        NewIssue {
            project: project.into(),
            summary: summary.into(),
            description: String::new(),
            issue_type_id: None,
            status_id: 1,
            priority_id: 3,
            resolution_id: None,
            assignee_id: None,
            category_ids: Vec::new(),
            version_ids: Vec::new(),
            milestone_ids: Vec::new(),
            start_date: None,
            due_date: None,
            estimated_hours: None,
            actual_hours: None,
            parent_issue_id: None,
            created_user_id: None,
            created: None,
            updated: None,
            custom_fields: Vec::new(),
        }
    }

    pub fn description(mut self, text: impl Into<String>) -> Self {
        self.description = text.into();
        self
    }

    pub fn status(mut self, status_id: i64) -> Self {
        self.status_id = status_id;
        self
    }

    pub fn priority(mut self, priority_id: i64) -> Self {
        self.priority_id = priority_id;
        self
    }

    pub fn issue_type(mut self, issue_type_id: i64) -> Self {
        self.issue_type_id = Some(issue_type_id);
        self
    }

    pub fn assignee(mut self, user_id: i64) -> Self {
        self.assignee_id = Some(user_id);
        self
    }

    pub fn created_by(mut self, user_id: i64) -> Self {
        self.created_user_id = Some(user_id);
        self
    }

    pub fn parent(mut self, issue_id: i64) -> Self {
        self.parent_issue_id = Some(issue_id);
        self
    }

    pub fn start_date(mut self, date: NaiveDate) -> Self {
        self.start_date = Some(date);
        self
    }

    pub fn due_date(mut self, date: NaiveDate) -> Self {
        self.due_date = Some(date);
        self
    }

    pub fn categories(mut self, ids: Vec<i64>) -> Self {
        self.category_ids = ids;
        self
    }

    pub fn milestones(mut self, ids: Vec<i64>) -> Self {
        self.milestone_ids = ids;
        self
    }

    pub fn versions(mut self, ids: Vec<i64>) -> Self {
        self.version_ids = ids;
        self
    }

    /// Sets `created` and `updated` (instead of the space clock).
    pub fn at(mut self, created: DateTime<Utc>, updated: DateTime<Utc>) -> Self {
        self.created = Some(created);
        self.updated = Some(updated);
        self
    }

    pub fn custom_field(mut self, field_id: i64, value: CustomValue) -> Self {
        self.custom_fields.push((field_id, value));
        self
    }
}

pub(super) fn insert_issue(space: &mut Space, new: NewIssue) -> Result<i64, String> {
    let project = space
        .project_by_id_or_key(&new.project)
        .ok_or_else(|| format!("no project {}", new.project))?;
    let project_id = project.id;
    let issue_type_id = match new.issue_type_id {
        Some(id) => id,
        None => project
            .issue_types
            .first()
            .map(|t| t.id)
            .ok_or_else(|| format!("project {} has no issue types", new.project))?,
    };
    let key_id = space
        .issues
        .iter()
        .filter(|i| i.project_id == project_id)
        .map(|i| i.key_id)
        .max()
        .unwrap_or(0)
        .max(
            space
                .next_ids
                .issue_numbers
                .get(&project_id)
                .copied()
                .unwrap_or(0),
        )
        + 1;
    space.next_ids.issue_numbers.insert(project_id, key_id);
    // Never below an existing id, so pushing keeps `issues` sorted by id.
    let id = space
        .next_issue_id
        .max(space.issues.last().map_or(0, |i| i.id + 1));
    space.next_issue_id = id + 1;
    let created = match new.created {
        Some(t) => t,
        None => space.tick(),
    };
    let updated = new.updated.unwrap_or(created);
    let creator = new.created_user_id.unwrap_or(space.myself_id);
    let issue = Issue {
        id,
        project_id,
        key_id,
        issue_type_id,
        summary: new.summary,
        description: new.description,
        resolution_id: new.resolution_id,
        priority_id: new.priority_id,
        status_id: new.status_id,
        assignee_id: new.assignee_id,
        category_ids: new.category_ids,
        version_ids: new.version_ids,
        milestone_ids: new.milestone_ids,
        start_date: new.start_date,
        due_date: new.due_date,
        estimated_hours: new.estimated_hours,
        actual_hours: new.actual_hours,
        parent_issue_id: new.parent_issue_id,
        created_user_id: creator,
        created,
        updated_user_id: creator,
        updated,
        custom_fields: new.custom_fields,
        custom_field_other_values: Vec::new(),
        attachments: Vec::new(),
        shared_files: Vec::new(),
        stars: Vec::new(),
        comments: Vec::new(),
    };
    space.issues.push(issue);
    Ok(id)
}

/// Shared, mutable access to a running server's [`Space`]; clones share the space.
#[derive(Debug, Clone)]
pub struct SpaceHandle {
    inner: Arc<RwLock<Space>>,
}

impl SpaceHandle {
    pub(crate) fn new(space: Space) -> SpaceHandle {
        SpaceHandle {
            inner: Arc::new(RwLock::new(space)),
        }
    }

    pub(crate) fn lock(&self) -> RwLockWriteGuard<'_, Space> {
        // A panicking test thread must not take the server down with it.
        self.inner.write().unwrap_or_else(|e| e.into_inner())
    }

    /// Shared access for requests that only read, so concurrent reads (the
    /// pages of a scan) are served side by side like Backlog serves them.
    pub(crate) fn read_lock(&self) -> RwLockReadGuard<'_, Space> {
        self.inner.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Reads the space under its lock.
    pub fn read<R>(&self, f: impl FnOnce(&Space) -> R) -> R {
        f(&self.read_lock())
    }

    /// Changes the space under its lock (anything goes: it is plain data).
    pub fn update<R>(&self, f: impl FnOnce(&mut Space) -> R) -> R {
        f(&mut self.lock())
    }

    /// A copy of the whole space.
    pub fn snapshot(&self) -> Space {
        self.lock().clone()
    }

    /// Adds an issue and returns it as stored.
    ///
    /// # Panics
    /// When the issue names an unknown project.
    pub fn add_issue(&self, new: NewIssue) -> Issue {
        let mut space = self.lock();
        let id = space.add_issue(new).expect("add_issue");
        space.issue(id).cloned().expect("just added")
    }

    /// Adds several issues under one lock (a scan in progress sees all or none).
    pub fn add_issues(&self, issues: Vec<NewIssue>) -> Vec<i64> {
        let mut space = self.lock();
        issues
            .into_iter()
            .map(|new| space.add_issue(new).expect("add_issues"))
            .collect()
    }

    /// The issue by numeric id or key.
    pub fn issue(&self, id_or_key: &str) -> Option<Issue> {
        self.lock().issue_by_id_or_key(id_or_key).cloned()
    }

    pub fn issue_count(&self) -> usize {
        self.lock().issues.len()
    }

    /// Changes an issue in place; returns false when there is no such issue. The
    /// closure decides whether `updated` moves.
    pub fn update_issue(&self, id_or_key: &str, f: impl FnOnce(&mut Issue)) -> bool {
        let mut space = self.lock();
        let Some(id) = space.issue_by_id_or_key(id_or_key).map(|i| i.id) else {
            return false;
        };
        match space.issues.iter_mut().find(|i| i.id == id) {
            Some(issue) => {
                f(issue);
                true
            }
            None => false,
        }
    }

    /// Deletes an issue; returns it when it existed.
    pub fn remove_issue(&self, id_or_key: &str) -> Option<Issue> {
        let mut space = self.lock();
        let id = space.issue_by_id_or_key(id_or_key)?.id;
        let index = space.issues.iter().position(|i| i.id == id)?;
        Some(space.issues.remove(index))
    }

    /// Appends a comment by "myself" at the space clock's next tick, and moves the
    /// issue's `updated` to that time.
    ///
    /// # Panics
    /// When there is no such issue.
    pub fn add_comment(
        &self,
        issue_id_or_key: &str,
        content: &str,
        change_log: Vec<ChangeLogEntry>,
    ) -> Comment {
        let mut space = self.lock();
        let id = space
            .issue_by_id_or_key(issue_id_or_key)
            .map(|i| i.id)
            .expect("add_comment: no such issue");
        let now = space.tick();
        let comment_id = space.next_comment_id;
        space.next_comment_id += 1;
        let myself = space.myself_id;
        let comment = Comment::new(comment_id, content, change_log, myself, now);
        let issue = space
            .issues
            .iter_mut()
            .find(|i| i.id == id)
            .expect("found above");
        issue.comments.push(comment.clone());
        issue.updated = now;
        issue.updated_user_id = myself;
        comment
    }

    /// The project by numeric id or key.
    pub fn project(&self, id_or_key: &str) -> Option<Project> {
        self.lock().project_by_id_or_key(id_or_key).cloned()
    }

    /// Every watching of every user, in id order.
    pub fn watchings(&self) -> Vec<Watching> {
        self.lock().watchings.clone()
    }

    /// The watchings of one user (numeric id), in id order.
    pub fn watchings_of(&self, user_id: i64) -> Vec<Watching> {
        self.lock()
            .watchings
            .iter()
            .filter(|w| w.user_id == user_id)
            .cloned()
            .collect()
    }

    pub fn watching(&self, id: i64) -> Option<Watching> {
        self.lock().watching(id).cloned()
    }

    /// Makes `user_id` watch an issue, as `POST /watchings` would for that user.
    ///
    /// # Panics
    /// When there is no such issue.
    pub fn add_watching(&self, user_id: i64, issue_id_or_key: &str, note: &str) -> Watching {
        let mut space = self.lock();
        let issue = space
            .issue_by_id_or_key(issue_id_or_key)
            .map(|i| i.id)
            .expect("add_watching: no such issue");
        let id = space.insert_watching(user_id, issue, note);
        space.watching(id).cloned().expect("just added")
    }

    /// Every activity, oldest (smallest id) first.
    pub fn activities(&self) -> Vec<Activity> {
        self.lock().activities.clone()
    }

    /// The newest activity.
    pub fn last_activity(&self) -> Option<Activity> {
        self.lock().activities.last().cloned()
    }

    /// The issues linked to this one as "related", in link order.
    pub fn related_issues(&self, id_or_key: &str) -> Vec<Issue> {
        let space = self.lock();
        let Some(id) = space.issue_by_id_or_key(id_or_key).map(|i| i.id) else {
            return Vec::new();
        };
        space
            .related_issue_ids(id)
            .into_iter()
            .filter_map(|other| space.issue(other).cloned())
            .collect()
    }

    /// Links two issues as related (symmetric); false when either is missing or they
    /// are already linked.
    pub fn add_related_issue(&self, a: &str, b: &str) -> bool {
        let mut space = self.lock();
        let (Some(a), Some(b)) = (
            space.issue_by_id_or_key(a).map(|i| i.id),
            space.issue_by_id_or_key(b).map(|i| i.id),
        ) else {
            return false;
        };
        if a == b || space.related_issue_ids(a).contains(&b) {
            return false;
        }
        space.related_issues.push((a, b));
        true
    }

    /// The attachments of an issue (empty when there is no such issue).
    pub fn attachments(&self, issue_id_or_key: &str) -> Vec<Attachment> {
        self.lock()
            .issue_by_id_or_key(issue_id_or_key)
            .map(|i| i.attachments.clone())
            .unwrap_or_default()
    }

    /// Attaches a file to an issue directly (created by "myself" at the next tick).
    ///
    /// # Panics
    /// When there is no such issue.
    pub fn add_attachment(&self, issue_id_or_key: &str, name: &str, bytes: Vec<u8>) -> Attachment {
        let mut space = self.lock();
        let id = space
            .issue_by_id_or_key(issue_id_or_key)
            .map(|i| i.id)
            .expect("add_attachment: no such issue");
        let attachment = space.new_attachment(name, bytes);
        space
            .issue_mut(id)
            .expect("found above")
            .attachments
            .push(attachment.clone());
        attachment
    }

    /// Stands for `POST /space/attachment`: keeps the file as uploaded, not attached
    /// to anything yet. Pass its id as `attachmentId[]` when adding or updating an
    /// issue or adding a comment, which attaches it.
    pub fn stage_attachment(&self, name: &str, bytes: Vec<u8>) -> Attachment {
        let mut space = self.lock();
        let attachment = space.new_attachment(name, bytes);
        space.staged_attachments.push(attachment.clone());
        attachment
    }
}

impl Space {
    /// A new attachment by "myself" at the next tick, with a fresh id.
    pub(crate) fn new_attachment(&mut self, name: &str, bytes: Vec<u8>) -> Attachment {
        let now = self.tick();
        let taken = self
            .issues
            .iter()
            .flat_map(|i| i.attachments.iter())
            .chain(self.staged_attachments.iter())
            .map(|a| a.id)
            .max();
        let id = Space::fresh_id(&mut self.next_ids.attachment, taken);
        Attachment::new(id, name, bytes, self.myself_id, now)
    }
}
