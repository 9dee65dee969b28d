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
    for (given, id) in [
        (name("web"), 101),
        (name("社内インフラ運用"), 103),
        (IdOrName::Id(102), 102),
    ] {
        let project = resolver.project_id("projectId", &given).await.unwrap();
        assert_eq!(project.get(), id, "{given:?}");
    }
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
    for (given, id) in [("処理中", 2), ("保留", 10002)] {
        let status = resolver
            .status("statusId", ops, &name(given))
            .await
            .unwrap();
        assert_eq!(status.get(), id, "{given}");
    }
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
    for (given, id) in [
        ("me", 1001),
        ("t.sato", 1002),
        ("山田 健", 1005),
        ("john smith", 1004),
        ("Tanaka", 1001),
    ] {
        let user = resolver.user("assigneeId", &name(given)).await.unwrap();
        assert_eq!(user.get(), id, "{given}");
    }
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
