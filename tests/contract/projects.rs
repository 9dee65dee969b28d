//! Projects: listing, reading, creating and changing them.

use crate::backends::Backlog;
use crate::support::{bad_request, me, not_found, project, project_ref};
use backlog_mcp::domain::changes::{NewProject, ProjectUpdate, TextFormattingRule};
use backlog_mcp::domain::keys::ProjectKey;
use backlog_mcp::domain::project::ProjectListQuery;
use backlog_mcp::ports::ProjectRef;

pub async fn projects_list_the_joined_ones_and_filter_archived(b: &dyn Backlog) {
    let new = NewProject {
        name: "Shelved".to_owned(),
        key: ProjectKey::parse("SHELVED").unwrap(),
        chart_enabled: false,
        subtasking_enabled: false,
        project_leader_can_edit_project_leader: None,
        text_formatting_rule: TextFormattingRule::Markdown,
    };
    let shelved = b.add_project(&new).await.unwrap();
    let archive = ProjectUpdate {
        archived: Some(true),
        ..ProjectUpdate::default()
    };
    b.update_project(&ProjectRef::Id(shelved.id), &archive)
        .await
        .unwrap();
    let all = b.projects(&ProjectListQuery::default()).await.unwrap();
    let keys: Vec<&str> = all.iter().map(|p| p.key.as_str()).collect();
    assert!(
        keys.contains(&"WEB") && keys.contains(&"APP") && keys.contains(&"SHELVED"),
        "{keys:?}"
    );
    let archived = ProjectListQuery {
        archived: Some(true),
        all: false,
    };
    let archived = b.projects(&archived).await.unwrap();
    assert!(!archived.is_empty());
    assert!(archived.iter().all(|p| p.archived), "{archived:?}");
    assert!(archived.iter().any(|p| p.id == shelved.id));
    let active = ProjectListQuery {
        archived: Some(false),
        all: false,
    };
    let active = b.projects(&active).await.unwrap();
    assert!(!active.is_empty());
    assert!(active.iter().all(|p| !p.archived));
    assert!(
        active.iter().all(|p| p.id != shelved.id),
        "the archived project is listed only with archived=true"
    );
    assert_eq!(archived.len() + active.len(), all.len());
}

pub async fn a_project_is_the_same_by_key_and_by_id(b: &dyn Backlog) {
    let by_key = project(b, "WEB").await;
    let by_id = b.project(&ProjectRef::Id(by_key.id)).await.unwrap();
    assert_eq!(by_key, by_id);
}

pub async fn a_missing_project_is_not_found(b: &dyn Backlog) {
    not_found(b.project(&project_ref("NOPE")).await);
}

pub async fn a_new_project_is_listed_and_its_key_taken(b: &dyn Backlog) {
    let new = NewProject {
        name: "Contract".to_owned(),
        key: ProjectKey::parse("CONTRACT").unwrap(),
        chart_enabled: false,
        subtasking_enabled: true,
        project_leader_can_edit_project_leader: None,
        text_formatting_rule: TextFormattingRule::Markdown,
    };
    let created = b.add_project(&new).await.unwrap();
    assert_eq!(created.key.as_str(), "CONTRACT");
    assert_eq!(created.name, "Contract");
    assert!(created.subtasking_enabled && !created.chart_enabled);
    assert_eq!(created.text_formatting_rule, "markdown");
    assert_eq!(project(b, "CONTRACT").await, created);
    let again = NewProject {
        name: "Another".to_owned(),
        ..new
    };
    bad_request(b.add_project(&again).await);
}

pub async fn a_project_is_renamed_and_archived(b: &dyn Backlog) {
    let update = ProjectUpdate {
        name: Some("Web site".to_owned()),
        archived: Some(true),
        ..ProjectUpdate::default()
    };
    let updated = b
        .update_project(&project_ref("WEB"), &update)
        .await
        .unwrap();
    assert_eq!(updated.name, "Web site");
    assert!(updated.archived);
    assert_eq!(project(b, "WEB").await, updated);
    not_found(b.update_project(&project_ref("NOPE"), &update).await);
}

pub async fn a_projects_members_include_myself(b: &dyn Backlog) {
    let me = me(b).await;
    let members = b.project_users(&project_ref("WEB")).await.unwrap();
    assert!(members.iter().any(|u| u.id == me));
    not_found(b.project_users(&project_ref("NOPE")).await);
}

crate::contract! {
    projects_list_the_joined_ones_and_filter_archived [projects, add_project, update_project]
    a_project_is_the_same_by_key_and_by_id [project]
    a_missing_project_is_not_found [project]
    a_new_project_is_listed_and_its_key_taken [add_project]
    a_project_is_renamed_and_archived [update_project]
    a_projects_members_include_myself [project_users]
}
