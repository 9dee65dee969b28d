//! Versions and milestones (one Backlog object): names are unique in a project,
//! a release due date may not precede the start date, renaming or deleting one
//! is reflected in the issues that carry it, and each write is an activity.

use super::activity_log::{MILESTONE_CREATED, MILESTONE_DELETED, MILESTONE_UPDATED, titled};
use super::errors::{invalid, not_found};
use super::id_counters::{allocate, retire, typed};
use super::space::{ProjectRecord, Space};
use super::validation::{date_order, required_text};
use crate::domain::activity::ActivityContent;
use crate::domain::backlog_error::BacklogError;
use crate::domain::calendar_date::CalendarDate;
use crate::domain::changes::{Change, NewVersion, VersionUpdate};
use crate::domain::comment::ChangeLogEntry;
use crate::domain::ids::VersionId;
use crate::domain::project::Version;
use crate::ports::ProjectRef;

fn name_in_use(
    record: &ProjectRecord,
    name: &str,
    other_than: Option<VersionId>,
) -> Result<(), BacklogError> {
    if record
        .versions
        .iter()
        .any(|v| v.name == name && Some(v.id) != other_than)
    {
        return Err(invalid(format!(
            "name: project {} already has a version or milestone named \"{name}\".",
            record.project.key
        )));
    }
    Ok(())
}

fn version_of(record: &ProjectRecord, id: VersionId) -> Result<&Version, BacklogError> {
    record.versions.iter().find(|v| v.id == id).ok_or_else(|| {
        not_found(
            format!("version {id} of project {}", record.project.key),
            "No version.",
        )
    })
}

fn date_change(
    change: &Change<CalendarDate>,
    current: Option<CalendarDate>,
) -> Option<CalendarDate> {
    match change {
        Change::Keep => current,
        Change::Set(day) => Some(*day),
        Change::Clear => None,
    }
}

/// What changed about a version, for its activity.
fn version_changes(before: &Version, after: &Version) -> Vec<ChangeLogEntry> {
    let day = |d: Option<CalendarDate>| d.map(|d| d.to_string());
    [
        ("name", Some(before.name.clone()), Some(after.name.clone())),
        (
            "description",
            before.description.clone(),
            after.description.clone(),
        ),
        ("startDate", day(before.start_date), day(after.start_date)),
        (
            "releaseDueDate",
            day(before.release_due_date),
            day(after.release_due_date),
        ),
        (
            "archived",
            Some(before.archived.to_string()),
            Some(after.archived.to_string()),
        ),
    ]
    .into_iter()
    .filter(|(_, old, new)| old != new)
    .map(|(field, old, new)| ChangeLogEntry::new(field, old, new))
    .collect()
}

impl Space {
    pub(super) fn versions_of(&self, target: &ProjectRef) -> Result<Vec<Version>, BacklogError> {
        let mut versions = self.find_project(target)?.versions.clone();
        versions.sort_by_key(|v| (v.display_order, v.id));
        Ok(versions)
    }

    pub(super) fn add_version(
        &mut self,
        target: &ProjectRef,
        new: &NewVersion,
    ) -> Result<Version, BacklogError> {
        self.myself_ref()?;
        let record = self.find_project(target)?;
        let project = record.project.id;
        let name = required_text("name", &new.name)?;
        name_in_use(record, &name, None)?;
        date_order(
            new.start_date,
            new.release_due_date,
            ("startDate", "releaseDueDate"),
        )?;
        let display_order = record
            .versions
            .iter()
            .map(|v| v.display_order + 1)
            .max()
            .unwrap_or(0);
        let id = allocate(
            &mut self.counters.version,
            self.projects
                .iter()
                .flat_map(|p| p.versions.iter().map(|v| v.id.get())),
        );
        let version = Version {
            id: typed(id, VersionId::new)?,
            project_id: Some(project),
            name,
            description: new.description.clone().filter(|d| !d.is_empty()),
            start_date: new.start_date,
            release_due_date: new.release_due_date,
            archived: false,
            display_order,
        };
        self.project_mut(project)?.versions.push(version.clone());
        let now = self.tick();
        self.record_my_activity(
            MILESTONE_CREATED,
            project,
            titled(version.name.clone()),
            now,
        )?;
        Ok(version)
    }

    pub(super) fn update_version(
        &mut self,
        target: &ProjectRef,
        id: VersionId,
        update: &VersionUpdate,
    ) -> Result<Version, BacklogError> {
        self.myself_ref()?;
        let record = self.find_project(target)?;
        let project = record.project.id;
        let before = version_of(record, id)?.clone();
        let name = required_text("name", &update.name)?;
        name_in_use(record, &name, Some(id))?;
        let mut after = before.clone();
        after.name = name;
        if let Some(description) = &update.description {
            after.description = Some(description.clone()).filter(|d| !d.is_empty());
        }
        after.start_date = date_change(&update.start_date, after.start_date);
        after.release_due_date = date_change(&update.release_due_date, after.release_due_date);
        date_order(
            after.start_date,
            after.release_due_date,
            ("startDate", "releaseDueDate"),
        )?;
        if let Some(archived) = update.archived {
            after.archived = archived;
        }
        if let Some(slot) = self
            .project_mut(project)?
            .versions
            .iter_mut()
            .find(|v| v.id == id)
        {
            *slot = after.clone();
        }
        for issue in self.issues.iter_mut().filter(|i| i.project_id == project) {
            for named in issue.versions.iter_mut().chain(issue.milestones.iter_mut()) {
                if named.id == id {
                    named.name.clone_from(&after.name);
                }
            }
        }
        let now = self.tick();
        self.record_my_activity(
            MILESTONE_UPDATED,
            project,
            ActivityContent {
                changes: version_changes(&before, &after),
                ..titled(after.name.clone())
            },
            now,
        )?;
        Ok(after)
    }

    pub(super) fn delete_version(
        &mut self,
        target: &ProjectRef,
        id: VersionId,
    ) -> Result<Version, BacklogError> {
        self.myself_ref()?;
        let record = self.find_project(target)?;
        let project = record.project.id;
        let version = version_of(record, id)?.clone();
        retire(&mut self.counters.version, id.get());
        self.project_mut(project)?.versions.retain(|v| v.id != id);
        for issue in self.issues.iter_mut().filter(|i| i.project_id == project) {
            issue.versions.retain(|v| v.id != id);
            issue.milestones.retain(|v| v.id != id);
        }
        let now = self.tick();
        self.record_my_activity(
            MILESTONE_DELETED,
            project,
            titled(version.name.clone()),
            now,
        )?;
        Ok(version)
    }
}
