//! Names for the ids in activities' changes. Backlog's activity feed records
//! some issue changes by id (`{"field": "status", "old_value": "1",
//! "new_value": "4"}`) where comments record names; the ids are looked up in
//! the activity's project vocabulary (cached metadata) and replaced by names.
//! A value that is not an id, or an id no longer known, is kept as sent; a
//! vocabulary that cannot be read leaves its ids as they are.

use crate::app::resolve::Metadata;
use crate::domain::activity::Activity;
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::ProjectId;
use std::collections::{BTreeSet, HashMap};

/// Which vocabulary a changed field's values come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Vocabulary {
    Status,
    Priority,
    Resolution,
    User,
    IssueType,
    Category,
    Version,
}

impl Vocabulary {
    /// Backlog's change-log field names (`assigner` is the assignee,
    /// `component` the categories).
    fn of_field(field: &str) -> Option<Self> {
        Some(match field {
            "status" => Self::Status,
            "priority" => Self::Priority,
            "resolution" => Self::Resolution,
            "assigner" | "assignee" => Self::User,
            "issueType" => Self::IssueType,
            "component" | "category" => Self::Category,
            "version" | "milestone" => Self::Version,
            _ => return None,
        })
    }
}

/// Names by id, per project and vocabulary.
type Names = HashMap<(ProjectId, Vocabulary), HashMap<i64, String>>;

/// The activities with every id in their changes that names something in
/// their project replaced by its name.
pub async fn name_changes(metadata: &Metadata, activities: Vec<Activity>) -> Vec<Activity> {
    let wanted: BTreeSet<(ProjectId, Vocabulary)> = activities
        .iter()
        .flat_map(|activity| {
            let project = activity.project.as_ref().map(|p| p.id);
            activity.content.changes.iter().filter_map(move |change| {
                let vocabulary = Vocabulary::of_field(&change.field)?;
                let has_ids = [&change.original_value, &change.new_value]
                    .into_iter()
                    .flatten()
                    .any(|value| ids(value).is_some());
                has_ids.then_some((project?, vocabulary))
            })
        })
        .collect();
    if wanted.is_empty() {
        return activities;
    }
    let mut names = Names::new();
    for (project, vocabulary) in wanted {
        match load(metadata, project, vocabulary).await {
            Ok(found) => {
                names.insert((project, vocabulary), found);
            }
            Err(error) => {
                tracing::warn!(%error, ?vocabulary, "activity changes keep their ids");
            }
        }
    }
    activities
        .into_iter()
        .map(|mut activity| {
            let Some(project) = activity.project.as_ref().map(|p| p.id) else {
                return activity;
            };
            for change in &mut activity.content.changes {
                let Some(known) = Vocabulary::of_field(&change.field)
                    .and_then(|vocabulary| names.get(&(project, vocabulary)))
                else {
                    continue;
                };
                for value in [&mut change.original_value, &mut change.new_value]
                    .into_iter()
                    .flatten()
                {
                    if let Some(named) = named(value, known) {
                        *value = named;
                    }
                }
            }
            activity
        })
        .collect()
}

/// The ids a value holds: one id, or several separated by commas.
fn ids(value: &str) -> Option<Vec<i64>> {
    let ids: Option<Vec<i64>> = value
        .split(',')
        .map(|part| part.trim().parse::<i64>().ok())
        .collect();
    ids.filter(|ids| !ids.is_empty())
}

/// The value with its ids replaced by names, when every one is known.
fn named(value: &str, known: &HashMap<i64, String>) -> Option<String> {
    let names: Option<Vec<&str>> = ids(value)?
        .iter()
        .map(|id| known.get(id).map(String::as_str))
        .collect();
    names.map(|names| names.join(", "))
}

async fn load(
    metadata: &Metadata,
    project: ProjectId,
    vocabulary: Vocabulary,
) -> Result<HashMap<i64, String>, BacklogError> {
    let pairs: Vec<(i64, String)> = match vocabulary {
        Vocabulary::Status => metadata
            .statuses(project)
            .await?
            .iter()
            .map(|s| (s.id.get(), s.name.clone()))
            .collect(),
        Vocabulary::Priority => metadata
            .priorities()
            .await?
            .iter()
            .map(|p| (p.id.get(), p.name.clone()))
            .collect(),
        Vocabulary::Resolution => metadata
            .resolutions()
            .await?
            .iter()
            .map(|r| (r.id.get(), r.name.clone()))
            .collect(),
        // Space users (so people who left the project are named too) and the
        // project's members (known even when the user list is refused).
        Vocabulary::User => {
            let mut users: Vec<(i64, String)> = metadata
                .users()
                .await
                .map(|users| users.iter().map(|u| (u.id.get(), u.name.clone())).collect())
                .unwrap_or_default();
            users.extend(
                metadata
                    .members(project)
                    .await?
                    .iter()
                    .map(|u| (u.id.get(), u.name.clone())),
            );
            users
        }
        Vocabulary::IssueType => metadata
            .issue_types(project)
            .await?
            .iter()
            .map(|t| (t.id.get(), t.name.clone()))
            .collect(),
        Vocabulary::Category => metadata
            .categories(project)
            .await?
            .iter()
            .map(|c| (c.id.get(), c.name.clone()))
            .collect(),
        Vocabulary::Version => metadata
            .versions(project)
            .await?
            .iter()
            .map(|v| (v.id.get(), v.name.clone()))
            .collect(),
    };
    Ok(pairs.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::test_support::demo_app;
    use crate::domain::activity::{ActivityContent, ActivityProject};
    use crate::domain::comment::ChangeLogEntry;
    use crate::domain::ids::ActivityId;
    use crate::domain::keys::ProjectKey;
    use chrono::{TimeZone, Utc};

    fn activity(project: i64, key: &str, changes: &[(&str, &str, &str)]) -> Activity {
        Activity {
            id: ActivityId::new(1).unwrap(),
            type_id: 2,
            project: Some(ActivityProject {
                id: ProjectId::new(project).unwrap(),
                key: ProjectKey::parse(key).unwrap(),
                name: key.to_owned(),
            }),
            content: ActivityContent {
                changes: changes
                    .iter()
                    .map(|(field, old, new)| {
                        ChangeLogEntry::new(*field, Some((*old).into()), Some((*new).into()))
                    })
                    .collect(),
                ..ActivityContent::default()
            },
            created_user: None,
            created: Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap(),
        }
    }

    fn values(activity: &Activity) -> Vec<(String, String)> {
        activity
            .content
            .changes
            .iter()
            .map(|c| {
                (
                    c.original_value.clone().unwrap_or_default(),
                    c.new_value.clone().unwrap_or_default(),
                )
            })
            .collect()
    }

    #[tokio::test]
    async fn ids_become_names_of_the_activity_project() {
        let app = demo_app();
        let named = name_changes(
            &app.metadata,
            vec![
                activity(
                    101,
                    "WEB",
                    &[
                        ("status", "1", "10001"),
                        ("priority", "3", "2"),
                        ("resolution", "", "0"),
                        ("assigner", "1002", "1005"),
                        ("issueType", "201", "202"),
                        ("component", "301", "301,302"),
                        ("milestone", "401", "402"),
                    ],
                ),
                activity(103, "OPS", &[("status", "1", "2")]),
            ],
        )
        .await;
        let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(
            values(&named[0]),
            [
                pair("Open", "In Review"),
                pair("Normal", "High"),
                pair("", "Fixed"),
                pair("Taro Sato", "山田 健"),
                pair("Bug", "Task"),
                pair("Frontend", "Frontend, Backend"),
                pair("Sprint 41", "Sprint 42"),
            ]
        );
        assert_eq!(values(&named[1]), [pair("未対応", "処理中")]);
    }

    #[tokio::test]
    async fn names_unknown_ids_and_other_fields_are_kept_as_sent() {
        let app = demo_app();
        let named = name_changes(
            &app.metadata,
            vec![activity(
                101,
                "WEB",
                &[
                    ("status", "Open", "99999"),
                    ("summary", "1", "2"),
                    ("attachment", "", "console.txt"),
                ],
            )],
        )
        .await;
        let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(
            values(&named[0]),
            [
                pair("Open", "99999"),
                pair("1", "2"),
                pair("", "console.txt")
            ]
        );
    }
}
