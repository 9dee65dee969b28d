use super::{bad_request, demo, issue, missing, newest_activity, project};
use crate::domain::calendar_date::CalendarDate;
use crate::domain::changes::{Change, NewVersion, VersionUpdate};
use crate::domain::ids::VersionId;
use crate::domain::issue_filter::IssueFilter;
use crate::ports::{IssueRepository, ProjectRepository};

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
async fn version_names_are_unique_and_dates_ordered() {
    let backlog = demo();
    let web = project("WEB");
    assert_eq!(
        bad_request(
            backlog
                .add_version(&web, &sprint("Sprint 41", "2026-12-14", "2026-12-25"))
                .await
        ),
        "name: project WEB already has a version or milestone named \"Sprint 41\"."
    );
    assert_eq!(
        bad_request(
            backlog
                .add_version(&web, &sprint("Sprint 44", "2026-12-14", "2026-12-01"))
                .await
        ),
        "releaseDueDate (2026-12-01) is before startDate (2026-12-14)."
    );
    assert_eq!(
        bad_request(
            backlog
                .update_version(&web, version(402), &rename("Sprint 43"))
                .await
        ),
        "name: project WEB already has a version or milestone named \"Sprint 43\"."
    );
    // The same name in another project is fine.
    assert!(
        backlog
            .add_version(
                &project("APP"),
                &sprint("Sprint 41", "2026-12-14", "2026-12-25")
            )
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn renaming_a_version_renames_it_on_its_issues() {
    let backlog = demo();
    let update = VersionUpdate {
        name: "Sprint 42 (extended)".to_owned(),
        description: Some("One more week".to_owned()),
        start_date: Change::Keep,
        release_due_date: Change::Set(day("2026-12-04")),
        archived: Some(true),
    };
    let updated = backlog
        .update_version(&project("WEB"), version(402), &update)
        .await
        .unwrap();
    assert_eq!(updated.name, "Sprint 42 (extended)");
    assert_eq!(updated.release_due_date, Some(day("2026-12-04")));
    assert_eq!(updated.start_date, Some(day("2026-11-16")));
    assert!(updated.archived);
    assert_eq!(
        issue(&backlog, "WEB-1").await.milestones[0].name,
        "Sprint 42 (extended)"
    );
    let activity = newest_activity(&backlog).await;
    assert_eq!(activity.type_id, 23);
    let fields: Vec<_> = activity
        .content
        .changes
        .iter()
        .map(|c| c.field.as_str())
        .collect();
    assert_eq!(
        fields,
        ["name", "description", "releaseDueDate", "archived"]
    );
    // Clearing a date.
    let cleared = VersionUpdate {
        start_date: Change::Clear,
        ..rename("Sprint 42 (extended)")
    };
    let updated = backlog
        .update_version(&project("WEB"), version(402), &cleared)
        .await
        .unwrap();
    assert_eq!(updated.start_date, None);
    assert_eq!(updated.description.as_deref(), Some("One more week"));
}

#[tokio::test]
async fn deleting_a_version_removes_it_from_its_issues() {
    let backlog = demo();
    let web = project("WEB");
    let filter = IssueFilter {
        milestone_ids: vec![version(404)],
        ..IssueFilter::default()
    };
    assert_eq!(backlog.count_issues(&filter).await.unwrap(), 2);
    let before = issue(&backlog, "WEB-19").await;
    let deleted = backlog.delete_version(&web, version(404)).await.unwrap();
    assert_eq!(deleted.name, "v2.0");
    assert_eq!(backlog.count_issues(&filter).await.unwrap(), 0);
    let after = issue(&backlog, "WEB-19").await;
    assert!(after.milestones.is_empty());
    assert_eq!(after.updated, before.updated);
    assert!(
        backlog
            .versions(&web)
            .await
            .unwrap()
            .iter()
            .all(|v| v.id != version(404))
    );
    assert_eq!(newest_activity(&backlog).await.type_id, 24);
    assert_eq!(
        missing(backlog.delete_version(&web, version(404)).await),
        (
            "version 404 of project WEB".to_owned(),
            "No version.".to_owned()
        )
    );
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
