//! Versions and milestones: one Backlog object, listed with the archived ones.

use crate::backends::Backlog;
use crate::support::{not_found, project, project_ref};
use backlog_mcp::domain::calendar_date::CalendarDate;
use backlog_mcp::domain::changes::{Change, NewVersion, VersionUpdate};
use backlog_mcp::domain::ids::VersionId;

fn day(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

fn sprint() -> NewVersion {
    NewVersion {
        name: "Sprint 99".to_owned(),
        description: Some("contract".to_owned()),
        start_date: Some(day("2030-01-06")),
        release_due_date: Some(day("2030-01-17")),
    }
}

pub async fn a_new_version_is_listed_with_its_dates(b: &dyn Backlog) {
    let web = project(b, "WEB").await;
    let added = b.add_version(&project_ref("WEB"), &sprint()).await.unwrap();
    assert_eq!(added.project_id, Some(web.id));
    assert_eq!(added.name, "Sprint 99");
    assert_eq!(added.description.as_deref(), Some("contract"));
    assert_eq!(added.start_date, Some(day("2030-01-06")));
    assert_eq!(added.release_due_date, Some(day("2030-01-17")));
    assert!(!added.archived);
    let versions = b.versions(&project_ref("WEB")).await.unwrap();
    assert_eq!(versions.last(), Some(&added), "listed last");
    let activity = b
        .space_activities(&crate::activities::query(vec![], 1))
        .await
        .unwrap()
        .remove(0);
    assert_eq!(activity.type_id, 22, "milestone created");
    assert_eq!(activity.content.title.as_deref(), Some("Sprint 99"));
    not_found(b.versions(&project_ref("NOPE")).await);
    not_found(b.add_version(&project_ref("NOPE"), &sprint()).await);
}

pub async fn a_version_update_clears_a_date_and_archives(b: &dyn Backlog) {
    let added = b.add_version(&project_ref("WEB"), &sprint()).await.unwrap();
    let update = VersionUpdate {
        name: "Sprint 99b".to_owned(),
        description: None,
        start_date: Change::Clear,
        release_due_date: Change::Set(day("2030-01-24")),
        archived: Some(true),
    };
    let updated = b
        .update_version(&project_ref("WEB"), added.id, &update)
        .await
        .unwrap();
    assert_eq!(updated.name, "Sprint 99b");
    assert_eq!(updated.start_date, None);
    assert_eq!(updated.release_due_date, Some(day("2030-01-24")));
    assert!(updated.archived);
    let listed = b.versions(&project_ref("WEB")).await.unwrap();
    assert!(
        listed.iter().any(|v| v == &updated),
        "archived ones are listed"
    );
    let missing = VersionId::new(987_654_321).unwrap();
    not_found(
        b.update_version(&project_ref("WEB"), missing, &update)
            .await,
    );
}

pub async fn a_version_of_another_project_is_not_updated(b: &dyn Backlog) {
    let elsewhere = b.add_version(&project_ref("APP"), &sprint()).await.unwrap();
    let update = VersionUpdate {
        name: "Renamed from WEB".to_owned(),
        description: None,
        start_date: Change::Clear,
        release_due_date: Change::Keep,
        archived: Some(true),
    };
    not_found(
        b.update_version(&project_ref("WEB"), elsewhere.id, &update)
            .await,
    );
    let listed = b.versions(&project_ref("APP")).await.unwrap();
    assert!(listed.contains(&elsewhere), "the version is unchanged");
    let web = b.versions(&project_ref("WEB")).await.unwrap();
    assert!(web.iter().all(|v| v.id != elsewhere.id));
}

pub async fn a_deleted_version_is_gone(b: &dyn Backlog) {
    let added = b.add_version(&project_ref("WEB"), &sprint()).await.unwrap();
    let deleted = b
        .delete_version(&project_ref("WEB"), added.id)
        .await
        .unwrap();
    assert_eq!(deleted.id, added.id);
    let listed = b.versions(&project_ref("WEB")).await.unwrap();
    assert!(listed.iter().all(|v| v.id != added.id));
    not_found(b.delete_version(&project_ref("WEB"), added.id).await);
    let elsewhere = b.add_version(&project_ref("APP"), &sprint()).await.unwrap();
    not_found(b.delete_version(&project_ref("WEB"), elsewhere.id).await);
    assert!(
        b.versions(&project_ref("APP"))
            .await
            .unwrap()
            .contains(&elsewhere)
    );
}

crate::contract! {
    a_new_version_is_listed_with_its_dates [versions, add_version]
    a_version_update_clears_a_date_and_archives [update_version]
    a_version_of_another_project_is_not_updated [update_version]
    a_deleted_version_is_gone [delete_version]
}
