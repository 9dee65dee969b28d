use super::{
    MYSELF, WEB, bad_request, demo, issue, key, missing, new_issue, newest_activity, project, user,
};
use crate::domain::changes::{NewProject, ProjectUpdate, TextFormattingRule};
use crate::domain::custom_field::CustomFieldType;
use crate::domain::ids::{IssueId, ProjectId};
use crate::domain::keys::ProjectKey;
use crate::domain::project::ProjectListQuery;
use crate::ports::{IssueRepository, ProjectRef, ProjectRepository};

fn new_project(key: &str, name: &str) -> NewProject {
    NewProject {
        name: name.to_owned(),
        key: ProjectKey::parse(key).unwrap(),
        chart_enabled: true,
        subtasking_enabled: false,
        project_leader_can_edit_project_leader: None,
        text_formatting_rule: TextFormattingRule::Backlog,
    }
}

#[tokio::test]
async fn a_new_project_gets_backlogs_defaults_and_myself_as_member() {
    let backlog = demo();
    let created = backlog
        .add_project(&new_project("DS", "Design System"))
        .await
        .unwrap();
    assert_eq!(created.id, ProjectId::new(104).unwrap());
    assert_eq!(created.key.as_str(), "DS");
    assert_eq!(created.text_formatting_rule, "backlog");
    assert!(!created.archived && !created.subtasking_enabled);
    let ds = project("DS");
    let statuses: Vec<(i64, String)> = backlog
        .statuses(&ds)
        .await
        .unwrap()
        .into_iter()
        .map(|s| (s.id.get(), s.name))
        .collect();
    assert_eq!(
        statuses,
        [
            (1, "Open".into()),
            (2, "In Progress".into()),
            (3, "Resolved".into()),
            (4, "Closed".into()),
        ]
    );
    let types: Vec<(String, Option<String>)> = backlog
        .issue_types(&ds)
        .await
        .unwrap()
        .into_iter()
        .map(|t| (t.name, t.color))
        .collect();
    assert_eq!(
        types,
        [
            ("Task".into(), Some("#7ea800".into())),
            ("Bug".into(), Some("#990000".into())),
            ("Request".into(), Some("#ff9200".into())),
            ("Other".into(), Some("#2779ca".into())),
        ]
    );
    let members = backlog.project_users(&ds).await.unwrap();
    assert_eq!(
        members.iter().map(|u| u.id).collect::<Vec<_>>(),
        [user(MYSELF)]
    );
    assert!(backlog.categories(&ds).await.unwrap().is_empty());
    assert!(backlog.versions(&ds).await.unwrap().is_empty());
    let all = backlog
        .projects(&ProjectListQuery::default())
        .await
        .unwrap();
    assert_eq!(all.len(), 4);
    let activity = newest_activity(&backlog).await;
    assert_eq!(activity.type_id, 15);
    assert_eq!(
        activity.project.map(|p| p.key.to_string()),
        Some("DS".into())
    );
}

#[tokio::test]
async fn issues_of_a_new_project_start_at_number_one_in_its_first_status() {
    let backlog = demo();
    let created = backlog
        .add_project(&new_project("DS", "Design System"))
        .await
        .unwrap();
    let task = backlog
        .issue_types(&ProjectRef::Id(created.id))
        .await
        .unwrap()[0]
        .id;
    let issue = backlog
        .add_issue(&new_issue(created.id.get(), "Colour tokens", task.get()))
        .await
        .unwrap();
    assert_eq!(issue.key.to_string(), "DS-1");
    assert_eq!(issue.status.name, "Open");
    // Subtasking is off in DS, and only myself is a member.
    let mut child = new_issue(created.id.get(), "Dark tokens", task.get());
    child.parent_issue_id = Some(issue.id);
    assert!(bad_request(backlog.add_issue(&child).await).contains("subtasking"));
    let mut assigned = new_issue(created.id.get(), "Spacing", task.get());
    assigned.assignee_id = Some(user(1002));
    assert_eq!(
        bad_request(backlog.add_issue(&assigned).await),
        "assigneeId 1002 is not a member of project DS."
    );
}

#[tokio::test]
async fn project_keys_are_unique_and_names_required() {
    let backlog = demo();
    assert_eq!(
        bad_request(
            backlog
                .add_project(&new_project("WEB", "Another web"))
                .await
        ),
        "key WEB is already used by another project."
    );
    assert_eq!(
        bad_request(backlog.add_project(&new_project("NEW", "  ")).await),
        "name must not be empty."
    );
    let update = ProjectUpdate {
        key: Some(ProjectKey::parse("APP").unwrap()),
        ..ProjectUpdate::default()
    };
    assert!(bad_request(backlog.update_project(&project("WEB"), &update).await).contains("APP"));
}

#[tokio::test]
async fn changing_a_key_renames_the_issue_keys() {
    let backlog = demo();
    let update = ProjectUpdate {
        name: Some("Web Renewal 2027".into()),
        key: Some(ProjectKey::parse("SITE").unwrap()),
        archived: Some(true),
        text_formatting_rule: Some(TextFormattingRule::Backlog),
        ..ProjectUpdate::default()
    };
    let updated = backlog
        .update_project(&project("WEB"), &update)
        .await
        .unwrap();
    assert_eq!(
        (updated.key.as_str(), updated.name.as_str()),
        ("SITE", "Web Renewal 2027")
    );
    assert!(updated.archived);
    assert_eq!(updated.text_formatting_rule, "backlog");
    assert_eq!(
        issue(&backlog, "SITE-5").await.id,
        IssueId::new(5005).unwrap()
    );
    assert_eq!(missing(backlog.issue(&key("WEB-5")).await).1, "No issue.");
    let archived = ProjectListQuery {
        archived: Some(true),
        all: false,
    };
    assert_eq!(backlog.projects(&archived).await.unwrap().len(), 1);
    // The next issue continues the numbering under the new key.
    let added = backlog
        .add_issue(&new_issue(WEB, "After the rename", 202))
        .await
        .unwrap();
    assert_eq!(added.key.to_string(), "SITE-23");
}

#[tokio::test]
async fn unknown_projects_are_not_found() {
    let backlog = demo();
    let nowhere = project("NOPE");
    assert_eq!(
        missing(backlog.project_users(&nowhere).await),
        ("project NOPE".to_owned(), "No project.".to_owned())
    );
    assert_eq!(
        missing(backlog.issue_types(&nowhere).await).1,
        "No project."
    );
    assert_eq!(missing(backlog.categories(&nowhere).await).1, "No project.");
    assert_eq!(
        missing(backlog.custom_fields(&nowhere).await).1,
        "No project."
    );
    assert_eq!(missing(backlog.versions(&nowhere).await).1, "No project.");
    assert_eq!(
        missing(backlog.add_category(&nowhere, "X").await).1,
        "No project."
    );
    assert_eq!(
        missing(
            backlog
                .update_project(&nowhere, &ProjectUpdate::default())
                .await
        )
        .1,
        "No project."
    );
}

#[tokio::test]
async fn project_vocabulary_lists_are_in_display_order() {
    let backlog = demo();
    let web = project("WEB");
    let names = |v: Vec<String>| v.join(",");
    assert_eq!(
        names(
            backlog
                .issue_types(&web)
                .await
                .unwrap()
                .into_iter()
                .map(|t| t.name)
                .collect()
        ),
        "Bug,Task,Request,Other"
    );
    assert_eq!(
        names(
            backlog
                .categories(&web)
                .await
                .unwrap()
                .into_iter()
                .map(|c| c.name)
                .collect()
        ),
        "Frontend,Backend,Design"
    );
    assert_eq!(backlog.project_users(&web).await.unwrap().len(), 6);
    let fields = backlog.custom_fields(&web).await.unwrap();
    let kinds: Vec<_> = fields.iter().map(|f| (f.id.get(), f.field_type)).collect();
    assert_eq!(
        kinds,
        [
            (601, CustomFieldType::Numeric),
            (602, CustomFieldType::SingleList),
            (603, CustomFieldType::MultipleList),
            (604, CustomFieldType::Text),
            (605, CustomFieldType::Date),
        ]
    );
    let browser = &fields[1];
    assert_eq!(
        browser
            .items
            .iter()
            .map(|i| i.name.as_str())
            .collect::<Vec<_>>(),
        ["Chrome", "Safari", "Firefox", "Edge"]
    );
    assert_eq!(browser.applicable_issue_types.len(), 1);
    let app = backlog.custom_fields(&project("APP")).await.unwrap();
    assert!(app[0].field_type == CustomFieldType::CheckBox && app[0].accepts_other_text());
    assert!(
        backlog
            .custom_fields(&project("OPS"))
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn categories_are_added_with_unique_names() {
    let backlog = demo();
    let web = project("WEB");
    let qa = backlog.add_category(&web, "QA").await.unwrap();
    assert_eq!(qa.id.get(), 324);
    assert_eq!(qa.name, "QA");
    let listed = backlog.categories(&web).await.unwrap();
    assert_eq!(listed.last().map(|c| c.id), Some(qa.id));
    assert_eq!(
        bad_request(backlog.add_category(&web, "Frontend").await),
        "name: project WEB already has a category named \"Frontend\"."
    );
    assert_eq!(
        bad_request(backlog.add_category(&web, " ").await),
        "name must not be empty."
    );
    // Another project may use the same name.
    assert!(
        backlog
            .add_category(&project("APP"), "Frontend")
            .await
            .is_ok()
    );
    // New categories are usable on issues at once.
    let mut with_qa = new_issue(WEB, "Test plan", 202);
    with_qa.category_ids = vec![qa.id];
    let created = backlog.add_issue(&with_qa).await.unwrap();
    assert_eq!(created.categories[0].name, "QA");
}
