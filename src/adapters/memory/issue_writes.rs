//! Creating, updating and deleting issues with Backlog's rules: every parameter
//! is checked before anything changes; a new issue gets the project's next
//! number and first status; an update always leaves a comment carrying the
//! change log; a deletion takes the issue's comments, links and watchings along.

use super::activity_log::{ISSUE_CREATED, ISSUE_DELETED, ISSUE_UPDATED, about_issue};
use super::change_log::changes;
use super::custom_field_values::CustomFieldRules;
use super::errors::{invalid, not_found};
use super::id_counters::{allocate, retire, typed};
use super::space::{ProjectRecord, Space};
use super::validation::{IssueRules, date_order, hours, required_text};
use crate::domain::activity::ActivityContent;
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{Change, IssueUpdate, NewIssue};
use crate::domain::comment::Comment;
use crate::domain::ids::{CommentId, IssueId, ProjectId};
use crate::domain::issue::{Issue, Named};
use crate::domain::keys::IssueKey;
use crate::ports::IssueRef;

impl Space {
    pub(super) fn project_of(&self, id: ProjectId) -> Result<&ProjectRecord, BacklogError> {
        self.project_record(id)
            .ok_or_else(|| not_found(format!("project {id}"), "No project."))
    }

    /// The next comment id, across all issues.
    pub(super) fn next_comment_id(&mut self) -> Result<CommentId, BacklogError> {
        let id = allocate(
            &mut self.counters.comment,
            self.comments.values().flatten().map(|c| c.id.get()),
        );
        typed(id, CommentId::new)
    }

    pub(super) fn add_issue(&mut self, new: &NewIssue) -> Result<Issue, BacklogError> {
        let me = self.myself_ref()?;
        let record = self.project_of(new.project_id)?;
        let rules = IssueRules::new(self, record);
        let summary = required_text("summary", &new.summary)?;
        let issue_type = rules.issue_type(new.issue_type_id)?;
        let priority = rules.priority(new.priority_id)?;
        let categories = rules.categories(&new.category_ids)?;
        let versions = rules.versions("versionId", &new.version_ids)?;
        let milestones = rules.versions("milestoneId", &new.milestone_ids)?;
        let assignee = new.assignee_id.map(|id| rules.assignee(id)).transpose()?;
        rules.notified(&new.notified_user_ids)?;
        rules.attachments(&new.attachment_ids)?;
        let parent = new
            .parent_issue_id
            .map(|id| rules.parent(id, None))
            .transpose()?;
        date_order(new.start_date, new.due_date, ("startDate", "dueDate"))?;
        hours("estimatedHours", new.estimated_hours)?;
        hours("actualHours", new.actual_hours)?;
        let fields = CustomFieldRules::new(&record.custom_fields, issue_type.id);
        let custom_fields = fields.apply(&[], &new.custom_fields)?;
        fields.check_required(&custom_fields)?;
        let status = record
            .statuses
            .iter()
            .min_by_key(|s| s.display_order)
            .map(|s| Named::new(s.id, s.name.clone()))
            .ok_or_else(|| invalid(format!("project {} has no status.", record.project.key)))?;
        let project_key = record.project.key.clone();

        let id = allocate(
            &mut self.counters.issue,
            self.issues.iter().map(|i| i.id.get()),
        );
        let number = self.next_key_number(new.project_id);
        let key = IssueKey::new(project_key, number).map_err(|e| invalid(e.to_string()))?;
        let now = self.tick();
        let issue = Issue {
            id: typed(id, IssueId::new)?,
            project_id: new.project_id,
            key,
            issue_type,
            summary,
            description: new.description.clone().unwrap_or_default(),
            status,
            priority: Some(priority),
            resolution: None,
            assignee,
            categories,
            versions,
            milestones,
            start_date: new.start_date,
            due_date: new.due_date,
            estimated_hours: new.estimated_hours,
            actual_hours: new.actual_hours,
            parent_issue_id: parent,
            custom_fields,
            attachments: Vec::new(),
            shared_files: Vec::new(),
            star_count: 0,
            child_issue_summary: None,
            created_user: Some(me.clone()),
            created: now,
            updated_user: Some(me),
            updated: Some(now),
        };
        self.issues.push(issue.clone());
        self.record_my_activity(ISSUE_CREATED, issue.project_id, about_issue(&issue), now)?;
        Ok(issue)
    }

    pub(super) fn update_issue(
        &mut self,
        target: &IssueRef,
        update: &IssueUpdate,
    ) -> Result<Issue, BacklogError> {
        let me = self.myself_ref()?;
        let before = self.find_issue(target)?.clone();
        let mut after = self.apply_update(&before, update)?;
        let change_log = changes(&before, &after, |id| {
            self.issue_by_id(id).map(|i| i.key.to_string())
        });
        // `apply_update` checked that each of them is a member.
        let notified = update
            .notified_user_ids
            .iter()
            .filter_map(|id| self.user(*id))
            .map(|user| user.to_ref())
            .collect();
        let comment_id = self.next_comment_id()?;
        let now = self.tick();
        after.updated = Some(now);
        after.updated_user = Some(me.clone());
        let content = update.comment.clone().unwrap_or_default();
        let comment = Comment {
            id: comment_id,
            content: content.clone(),
            change_log: change_log.clone(),
            notified,
            created_user: Some(me.clone()),
            created: now,
            updated: Some(now),
        };
        if let Some(slot) = self.issues.iter_mut().find(|i| i.id == before.id) {
            *slot = after.clone();
        }
        self.comments.entry(before.id).or_default().push(comment);
        self.record_my_activity(
            ISSUE_UPDATED,
            after.project_id,
            ActivityContent {
                comment: Some(content).filter(|c| !c.is_empty()),
                changes: change_log,
                ..about_issue(&after)
            },
            now,
        )?;
        self.mark_watchers_unread(after.id, me.id);
        Ok(after)
    }

    /// The issue as the update would leave it; nothing is written.
    fn apply_update(&self, before: &Issue, update: &IssueUpdate) -> Result<Issue, BacklogError> {
        let record = self.project_of(before.project_id)?;
        let rules = IssueRules::new(self, record);
        let mut after = before.clone();
        if let Some(summary) = &update.summary {
            after.summary = required_text("summary", summary)?;
        }
        if let Some(description) = &update.description {
            after.description.clone_from(description);
        }
        if let Some(id) = update.issue_type_id {
            after.issue_type = rules.issue_type(id)?;
        }
        if let Some(id) = update.priority_id {
            after.priority = Some(rules.priority(id)?);
        }
        if let Some(id) = update.status_id {
            after.status = rules.status(id)?;
        }
        after.resolution = changed(&update.resolution_id, after.resolution, |id| {
            rules.resolution(id)
        })?;
        after.assignee = changed(&update.assignee_id, after.assignee, |id| rules.assignee(id))?;
        after.start_date = changed(&update.start_date, after.start_date, Ok)?;
        after.due_date = changed(&update.due_date, after.due_date, Ok)?;
        if !update.start_date.is_keep() || !update.due_date.is_keep() {
            date_order(after.start_date, after.due_date, ("startDate", "dueDate"))?;
        }
        if let Change::Set(h) = update.estimated_hours {
            hours("estimatedHours", Some(h))?;
        }
        if let Change::Set(h) = update.actual_hours {
            hours("actualHours", Some(h))?;
        }
        after.estimated_hours = changed(&update.estimated_hours, after.estimated_hours, Ok)?;
        after.actual_hours = changed(&update.actual_hours, after.actual_hours, Ok)?;
        if let Some(ids) = &update.category_ids {
            after.categories = rules.categories(ids)?;
        }
        if let Some(ids) = &update.version_ids {
            after.versions = rules.versions("versionId", ids)?;
        }
        if let Some(ids) = &update.milestone_ids {
            after.milestones = rules.versions("milestoneId", ids)?;
        }
        after.parent_issue_id = changed(&update.parent_issue_id, after.parent_issue_id, |id| {
            rules.parent(id, Some(before))
        })?;
        rules.notified(&update.notified_user_ids)?;
        rules.attachments(&update.attachment_ids)?;
        let fields = CustomFieldRules::new(&record.custom_fields, after.issue_type.id);
        let mut values = std::mem::take(&mut after.custom_fields);
        if after.issue_type.id != before.issue_type.id {
            values = fields.retain_applicable(values);
        }
        after.custom_fields = fields.apply(&values, &update.custom_fields)?;
        Ok(after)
    }

    pub(super) fn delete_issue(&mut self, target: &IssueRef) -> Result<Issue, BacklogError> {
        self.myself_ref()?;
        let issue = self.find_issue(target)?.clone();
        let now = self.tick();
        retire(&mut self.counters.issue, issue.id.get());
        self.retire_key_number(issue.project_id, issue.key.number());
        self.issues.retain(|i| i.id != issue.id);
        for comment in self.comments.remove(&issue.id).into_iter().flatten() {
            retire(&mut self.counters.comment, comment.id.get());
        }
        self.related
            .retain(|(a, b)| *a != issue.id && *b != issue.id);
        for watching in self.watchings.iter().filter(|w| w.issue == issue.id) {
            retire(&mut self.counters.watching, watching.id.get());
        }
        self.watchings.retain(|w| w.issue != issue.id);
        for attachment in &issue.attachments {
            retire(&mut self.counters.attachment, attachment.id.get());
        }
        self.files.retain(|_, f| f.issue != issue.id);
        for child in self
            .issues
            .iter_mut()
            .filter(|i| i.parent_issue_id == Some(issue.id))
        {
            child.parent_issue_id = None;
        }
        self.record_my_activity(ISSUE_DELETED, issue.project_id, about_issue(&issue), now)?;
        Ok(issue)
    }
}

/// An optional attribute after a [`Change`]: kept, set (checked by `check`) or emptied.
fn changed<T: Copy, V>(
    change: &Change<T>,
    current: Option<V>,
    check: impl FnOnce(T) -> Result<V, BacklogError>,
) -> Result<Option<V>, BacklogError> {
    match change {
        Change::Keep => Ok(current),
        Change::Set(value) => check(*value).map(Some),
        Change::Clear => Ok(None),
    }
}
