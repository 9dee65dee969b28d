//! Tests of `resolver`.

use crate::app::test_support::demo_app;
use crate::app::tooling::IdOrName;

fn name(text: &str) -> IdOrName {
    IdOrName::Name(text.to_owned())
}

#[tokio::test]
async fn projects_resolve_by_key_name_or_id() {
    let app = demo_app();
    let resolver = app.resolver();
    assert_eq!(
        resolver
            .project_id("projectId", &name("web"))
            .await
            .unwrap()
            .get(),
        101
    );
    assert_eq!(
        resolver
            .project_id("projectId", &name("社内インフラ運用"))
            .await
            .unwrap()
            .get(),
        103
    );
    assert_eq!(
        resolver
            .project_id("projectId", &IdOrName::Id(102))
            .await
            .unwrap()
            .get(),
        102
    );
    let error = resolver
        .project_id("projectId", &name("Web Renewel"))
        .await
        .unwrap_err()
        .to_string();
    assert!(error.contains("closest: WEB (Web Renewal)"), "{error}");
}

#[tokio::test]
async fn statuses_resolve_per_project_in_any_language() {
    let app = demo_app();
    let resolver = app.resolver();
    let ops = resolver
        .project_id("projectId", &name("OPS"))
        .await
        .unwrap();
    assert_eq!(
        resolver
            .status("statusId", ops, &name("処理中"))
            .await
            .unwrap()
            .get(),
        2
    );
    assert_eq!(
        resolver
            .status("statusId", ops, &name("保留"))
            .await
            .unwrap()
            .get(),
        10002
    );
    let error = resolver
        .status("statusId", ops, &name("In Review"))
        .await
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("no status named \"In Review\" in project OPS"),
        "{error}"
    );
    assert!(error.contains("未対応"), "lists the valid ones: {error}");
}

#[tokio::test]
async fn filters_take_a_name_from_every_project() {
    let app = demo_app();
    let resolver = app.resolver();
    let everywhere = resolver
        .statuses("statusId", &[], &[name("Open")])
        .await
        .unwrap();
    assert_eq!(
        everywhere.iter().map(|s| s.get()).collect::<Vec<_>>(),
        vec![1]
    );
    let review = resolver
        .statuses("statusId", &[], &[name("in review"), IdOrName::Id(3)])
        .await
        .unwrap();
    assert_eq!(
        review.iter().map(|s| s.get()).collect::<Vec<_>>(),
        vec![3, 10001]
    );
}

#[tokio::test]
async fn users_resolve_by_login_name_or_me() {
    let app = demo_app();
    let resolver = app.resolver();
    assert_eq!(
        resolver
            .user("assigneeId", &name("me"))
            .await
            .unwrap()
            .get(),
        1001
    );
    assert_eq!(
        resolver
            .user("assigneeId", &name("t.sato"))
            .await
            .unwrap()
            .get(),
        1002
    );
    assert_eq!(
        resolver
            .user("assigneeId", &name("山田 健"))
            .await
            .unwrap()
            .get(),
        1005
    );
    assert_eq!(
        resolver
            .user("assigneeId", &name("john smith"))
            .await
            .unwrap()
            .get(),
        1004
    );
    assert_eq!(
        resolver
            .user("assigneeId", &name("Tanaka"))
            .await
            .unwrap()
            .get(),
        1001
    );
    let error = resolver
        .user("assigneeId", &name("Tanako"))
        .await
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("invalid argument `assigneeId`: no user named \"Tanako\""),
        "{error}"
    );
}

#[tokio::test]
async fn milestones_and_categories_resolve_within_the_project() {
    let app = demo_app();
    let resolver = app.resolver();
    let web = resolver
        .project_id("projectId", &name("WEB"))
        .await
        .unwrap();
    assert_eq!(
        resolver
            .version("milestoneId", web, &name("Sprint 42"))
            .await
            .unwrap()
            .get(),
        402
    );
    assert_eq!(
        resolver
            .category("categoryId", web, &name("frontend"))
            .await
            .unwrap()
            .get(),
        301
    );
    assert!(
        resolver
            .category("categoryId", web, &name("iOS"))
            .await
            .is_err()
    );
}

#[tokio::test]
async fn issue_keys_become_ids_by_asking_backlog() {
    let app = demo_app();
    let resolver = app.resolver();
    let id = resolver
        .issue_id("parentIssueId", &name("WEB-1"))
        .await
        .unwrap();
    let by_id = resolver
        .issue_id("parentIssueId", &IdOrName::Id(id.get()))
        .await
        .unwrap();
    assert_eq!(id, by_id);
    let error = resolver
        .issue_id("parentIssueId", &name("WEB-999"))
        .await
        .unwrap_err()
        .to_string();
    assert!(error.contains("issue WEB-999 was not found"), "{error}");
}
