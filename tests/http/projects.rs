//! Projects and their vocabulary: writes as forms, realistic answers read.

use crate::support::{FORM, USER_JSON, client_for, json_answer, only_request, pairs};
use backlog_mcp::domain::backlog_error::BacklogError;
use backlog_mcp::domain::calendar_date::CalendarDate;
use backlog_mcp::domain::changes::{
    Change, NewProject, NewVersion, ProjectUpdate, TextFormattingRule, VersionUpdate,
};
use backlog_mcp::domain::custom_field::{CustomFieldType, InitialDate, TypeSettings};
use backlog_mcp::domain::ids::{IssueTypeId, VersionId};
use backlog_mcp::domain::issue::Named;
use backlog_mcp::domain::keys::ProjectKey;
use backlog_mcp::ports::{
    CategoryRepository, CustomFieldRepository, IssueTypeRepository, ProjectRef, ProjectRepository,
    VersionRepository,
};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer};

const PROJECT_JSON: &str = r#"{"id": 1073900100, "projectKey": "WEB", "name": "Web Renewal", "chartEnabled": true,
 "useResolvedForChart": false, "subtaskingEnabled": true, "projectLeaderCanEditProjectLeader": false,
 "useWiki": true, "useFileSharing": true, "useWikiTreeView": true, "useOriginalImageSizeAtWiki": false,
 "useSubversion": false, "useGit": true, "textFormattingRule": "markdown", "archived": false,
 "displayOrder": 2147483646, "useDevAttributes": true, "grandchildIssueEnabled": false}"#;

const VERSION_JSON: &str = r#"{"id": 1074200007, "projectId": 1073900100, "name": "Sprint 12", "description": "",
 "startDate": "2024-06-03T00:00:00Z", "releaseDueDate": "2024-06-14T00:00:00Z",
 "archived": false, "displayOrder": 0}"#;

fn web() -> ProjectRef {
    ProjectRef::Key(ProjectKey::parse("WEB").unwrap())
}

fn date(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

async fn serving(verb: &str, at: &str, status: u16, body: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method(verb))
        .and(path(at))
        .respond_with(json_answer(status, body))
        .expect(1)
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn add_project_posts_the_required_fields() {
    let server = serving("POST", "/api/v2/projects", 200, PROJECT_JSON).await;
    let project = NewProject {
        name: "Web Renewal".into(),
        key: ProjectKey::parse("WEB").unwrap(),
        chart_enabled: true,
        subtasking_enabled: true,
        project_leader_can_edit_project_leader: Some(false),
        text_formatting_rule: TextFormattingRule::Markdown,
    };
    let added = client_for(&server).add_project(&project).await.unwrap();
    assert_eq!(added.key.as_str(), "WEB");
    assert!(added.chart_enabled && added.subtasking_enabled);
    let sent = only_request(&server).await;
    assert_eq!(sent.content_type.as_deref(), Some(FORM));
    assert_eq!(
        sent.form,
        pairs(&[
            ("name", "Web Renewal"),
            ("key", "WEB"),
            ("chartEnabled", "true"),
            ("subtaskingEnabled", "true"),
            ("projectLeaderCanEditProjectLeader", "false"),
            ("textFormattingRule", "markdown"),
        ])
    );
}

#[tokio::test]
async fn update_project_patches_only_the_given_fields() {
    let server = serving("PATCH", "/api/v2/projects/WEB", 200, PROJECT_JSON).await;
    let update = ProjectUpdate {
        name: Some("Web Renewal 2".into()),
        archived: Some(true),
        ..ProjectUpdate::default()
    };
    client_for(&server)
        .update_project(&web(), &update)
        .await
        .unwrap();
    assert_eq!(
        only_request(&server).await.form,
        pairs(&[("name", "Web Renewal 2"), ("archived", "true")])
    );
}

#[tokio::test]
async fn members_issue_types_and_categories_are_read() {
    let server = MockServer::start().await;
    Mock::given(path("/api/v2/projects/WEB/users"))
        .respond_with(json_answer(200, &format!("[{USER_JSON}]")))
        .mount(&server)
        .await;
    Mock::given(path("/api/v2/projects/WEB/issueTypes"))
        .respond_with(json_answer(
            200,
            r##"[{"id": 1074000010, "projectId": 1073900100, "name": "Bug", "color": "#990000",
                 "displayOrder": 1, "templateSummary": null, "templateDescription": null}]"##,
        ))
        .mount(&server)
        .await;
    Mock::given(path("/api/v2/projects/WEB/categories"))
        .respond_with(json_answer(
            200,
            r#"[{"id": 1074100003, "projectId": 1073900100, "name": "Frontend", "displayOrder": 2147483646},
                {"id": 1074100004, "name": "Backend"}]"#,
        ))
        .mount(&server)
        .await;
    let client = client_for(&server);
    let users = client.project_users(&web()).await.unwrap();
    assert_eq!(users[0].name, "Taro Sato");
    let types = client.issue_types(&web()).await.unwrap();
    assert_eq!(types[0].id, IssueTypeId::new(1_074_000_010).unwrap());
    assert_eq!(types[0].color.as_deref(), Some("#990000"));
    let categories = client.categories(&web()).await.unwrap();
    assert_eq!(categories[0].display_order, 2_147_483_646);
    assert_eq!(categories[1].name, "Backend");
}

#[tokio::test]
async fn add_category_posts_the_name() {
    let server = serving(
        "POST",
        "/api/v2/projects/WEB/categories",
        200,
        r#"{"id": 1074100009, "projectId": 1073900100, "name": "Infra", "displayOrder": 2147483646}"#,
    )
    .await;
    let category = client_for(&server)
        .add_category(&web(), "Infra")
        .await
        .unwrap();
    assert_eq!(category.name, "Infra");
    assert_eq!(
        only_request(&server).await.form,
        pairs(&[("name", "Infra")])
    );
}

#[tokio::test]
async fn custom_field_definitions_are_read_by_type() {
    let server = serving(
        "GET",
        "/api/v2/projects/WEB/customFields",
        200,
        r#"[
          {"id": 1076000001, "projectId": 1073900100, "typeId": 3, "name": "Story points", "description": "",
           "required": false, "useIssueType": false, "applicableIssueTypes": [], "displayOrder": 0,
           "version": 1, "min": 0, "max": 100, "initialValue": null, "unit": "pt"},
          {"id": 1076000002, "projectId": 1073900100, "typeId": 5, "name": "Browser", "description": "Where",
           "required": true, "useIssueType": true, "applicableIssueTypes": [1074000010], "displayOrder": 1,
           "items": [{"id": 1, "name": "Chrome", "displayOrder": 0}, {"id": 2, "name": "Safari", "displayOrder": 1}],
           "allowAddItem": false},
          {"id": 1076000003, "projectId": 1073900100, "typeId": 7, "name": "Platforms", "description": "",
           "required": false, "useIssueType": false, "applicableIssueTypes": [],
           "items": [{"id": 1, "name": "macOS", "displayOrder": 0}], "allowAddItem": true, "allowInput": true},
          {"id": 1076000004, "projectId": 1073900100, "typeId": 4, "name": "Release", "description": null,
           "required": false, "initialDate": {"id": 1, "shift": null, "date": null}, "min": null, "max": null}
        ]"#,
    )
    .await;
    let fields = client_for(&server).custom_fields(&web()).await.unwrap();
    let types: Vec<CustomFieldType> = fields.iter().map(|f| f.field_type).collect();
    assert_eq!(
        types,
        [
            CustomFieldType::Numeric,
            CustomFieldType::SingleList,
            CustomFieldType::CheckBox,
            CustomFieldType::Date
        ]
    );
    let browser = &fields[1];
    assert!(browser.required);
    assert_eq!(browser.description, "Where");
    assert_eq!(browser.items[1], Named::new(2, "Safari"));
    assert_eq!(
        browser.applicable_issue_types,
        [IssueTypeId::new(1_074_000_010).unwrap()]
    );
    assert_eq!(fields[2].allow_input, Some(true));
    assert_eq!(
        fields[1].allow_input, None,
        "a single list says nothing of other input"
    );
    assert_eq!(
        (fields[1].allow_add_item, fields[2].allow_add_item),
        (Some(false), Some(true))
    );
    assert!(fields[0].items.is_empty());
    assert_eq!(
        fields[0].settings,
        TypeSettings::Numeric {
            min: Some(0.0),
            max: Some(100.0),
            initial_value: None,
            unit: Some("pt".into())
        }
    );
    assert_eq!(
        fields[3].settings,
        TypeSettings::Date {
            min: None,
            max: None,
            initial: Some(InitialDate::Today)
        }
    );
}

#[tokio::test]
async fn versions_are_read_with_dates_as_days() {
    let server = serving(
        "GET",
        "/api/v2/projects/WEB/versions",
        200,
        &format!(
            r#"[{VERSION_JSON}, {{"id": 1074200008, "projectId": 1073900100, "name": "Backlog", "description": null,
                 "startDate": null, "releaseDueDate": null, "archived": true, "displayOrder": 1}}]"#
        ),
    )
    .await;
    let versions = client_for(&server).versions(&web()).await.unwrap();
    assert_eq!(versions[0].start_date, Some(date("2024-06-03")));
    assert_eq!(versions[0].release_due_date, Some(date("2024-06-14")));
    assert!(versions[1].archived && versions[1].start_date.is_none());
}

#[tokio::test]
async fn add_version_posts_name_description_and_dates() {
    let server = serving("POST", "/api/v2/projects/WEB/versions", 200, VERSION_JSON).await;
    let version = NewVersion {
        name: "Sprint 12".into(),
        description: Some("Two weeks".into()),
        start_date: Some(date("2024-06-03")),
        release_due_date: Some(date("2024-06-14")),
    };
    let added = client_for(&server)
        .add_version(&web(), &version)
        .await
        .unwrap();
    assert_eq!(added.id, VersionId::new(1_074_200_007).unwrap());
    assert_eq!(
        only_request(&server).await.form,
        pairs(&[
            ("name", "Sprint 12"),
            ("description", "Two weeks"),
            ("startDate", "2024-06-03"),
            ("releaseDueDate", "2024-06-14"),
        ])
    );
}

#[tokio::test]
async fn update_version_always_sends_the_name_and_clears_dates_with_empty_values() {
    let server = serving(
        "PATCH",
        "/api/v2/projects/WEB/versions/1074200007",
        200,
        VERSION_JSON,
    )
    .await;
    let update = VersionUpdate {
        name: "Sprint 12".into(),
        description: None,
        start_date: Change::Keep,
        release_due_date: Change::Clear,
        archived: Some(true),
    };
    client_for(&server)
        .update_version(&web(), VersionId::new(1_074_200_007).unwrap(), &update)
        .await
        .unwrap();
    assert_eq!(
        only_request(&server).await.form,
        pairs(&[
            ("name", "Sprint 12"),
            ("releaseDueDate", ""),
            ("archived", "true")
        ])
    );
}

#[tokio::test]
async fn delete_version_sends_a_delete_and_names_a_missing_version() {
    let server = serving(
        "DELETE",
        "/api/v2/projects/WEB/versions/1074200007",
        200,
        VERSION_JSON,
    )
    .await;
    let deleted = client_for(&server)
        .delete_version(&web(), VersionId::new(1_074_200_007).unwrap())
        .await
        .unwrap();
    assert_eq!(deleted.name, "Sprint 12");
    assert!(only_request(&server).await.raw_body.is_empty());

    let missing = serving(
        "DELETE",
        "/api/v2/projects/WEB/versions/12",
        404,
        r#"{"errors":[{"message":"No version.","code":6,"moreInfo":""}]}"#,
    )
    .await;
    assert_eq!(
        client_for(&missing)
            .delete_version(&web(), VersionId::new(12).unwrap())
            .await
            .unwrap_err(),
        BacklogError::NotFound {
            what: "version 12 of project WEB".into(),
            message: "No version.".into()
        }
    );
}
