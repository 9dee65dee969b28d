use super::{MYSELF, demo, newest_activity, project, user};
use crate::domain::changes::{NewProject, TextFormattingRule};
use crate::domain::custom_field::CustomFieldType;
use crate::domain::ids::ProjectId;
use crate::domain::keys::ProjectKey;
use crate::domain::project::ProjectListQuery;
use crate::ports::{
    CategoryRepository, CustomFieldRepository, IssueTypeRepository, ProjectRepository,
    StatusRepository, VersionRepository,
};

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
