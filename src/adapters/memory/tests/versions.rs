use super::{demo, missing, newest_activity, project};
use crate::domain::calendar_date::CalendarDate;
use crate::domain::changes::{Change, NewVersion, VersionUpdate};
use crate::domain::ids::VersionId;
use crate::ports::VersionRepository;

fn day(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

fn version(id: i64) -> VersionId {
    VersionId::new(id).unwrap()
}

fn sprint(name: &str, start: &str, due: &str) -> NewVersion {
    NewVersion {
        name: name.to_owned(),
        description: Some("Two weeks".to_owned()),
        start_date: Some(day(start)),
        release_due_date: Some(day(due)),
    }
}

fn rename(name: &str) -> VersionUpdate {
    VersionUpdate {
        name: name.to_owned(),
        description: None,
        start_date: Change::Keep,
        release_due_date: Change::Keep,
        archived: None,
    }
}

#[tokio::test]
async fn versions_are_listed_in_display_order() {
    let names: Vec<String> = demo()
        .versions(&project("WEB"))
        .await
        .unwrap()
        .into_iter()
        .map(|v| v.name)
        .collect();
    assert_eq!(names, ["Sprint 41", "Sprint 42", "Sprint 43", "v2.0"]);
}

#[tokio::test]
async fn a_new_version_is_listed_last_and_recorded_as_milestone_created() {
    let backlog = demo();
    let web = project("WEB");
    let added = backlog
        .add_version(&web, &sprint("Sprint 44", "2026-12-14", "2026-12-25"))
        .await
        .unwrap();
    assert_eq!(added.id, version(423));
    assert_eq!(added.description.as_deref(), Some("Two weeks"));
    assert_eq!(backlog.versions(&web).await.unwrap().last(), Some(&added));
    let activity = newest_activity(&backlog).await;
    assert_eq!(activity.type_id, 22);
    assert_eq!(activity.content.title.as_deref(), Some("Sprint 44"));
}

#[tokio::test]
async fn versions_of_other_projects_are_not_found() {
    let backlog = demo();
    let web = project("WEB");
    assert_eq!(
        missing(backlog.delete_version(&web, version(411)).await).1,
        "No version."
    );
    assert_eq!(
        missing(
            backlog
                .update_version(&web, version(999), &rename("X"))
                .await
        )
        .1,
        "No version."
    );
    assert_eq!(
        missing(
            backlog
                .add_version(&project("NOPE"), &sprint("X", "2026-12-01", "2026-12-02"))
                .await
        )
        .1,
        "No project."
    );
}
