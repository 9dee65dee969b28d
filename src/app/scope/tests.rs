//! The allow-list through the tools, over the demo space (WEB 101, APP 102,
//! OPS 103): it fails closed, names resolve only inside it, every referenced
//! issue is checked before a write, and narrowed lists page and count exactly.

use crate::app::test_support::{DemoTools, issue_keys};
use crate::domain::issue_filter::IssueFilter;
use crate::domain::keys::IssueKey;
use crate::ports::{IssueRef, IssueRepository};
use serde_json::{Value, json};

/// An issue's id, read around the allow-list.
async fn issue_id(key: &str) -> i64 {
    DemoTools::new()
        .call("get_issue", json!({"issueKey": key}))
        .await
        .unwrap()["id"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn an_allow_list_that_matches_nothing_refuses_instead_of_allowing_everything() {
    let (tools, memory) = DemoTools::scoped("NOPE");
    for (tool, arguments) in [
        ("get_issues", json!({})),
        ("count_issues", json!({})),
        ("get_user_issue_list", json!({})),
        ("get_project_list", json!({})),
        ("get_space_activities", json!({})),
        ("get_watching_list_count", json!({"userId": "me"})),
        (
            "bulk_update_issues",
            json!({"filter": {"statusId": ["Open"]}, "priorityId": "Low"}),
        ),
    ] {
        let refusal = tools.call(tool, arguments).await.unwrap_err();
        assert!(
            refusal.contains("none of the projects in BACKLOG_ALLOWED_PROJECTS (NOPE)"),
            "{tool}: {refusal}"
        );
    }
    let untouched = memory.count_issues(&IssueFilter::default()).await.unwrap();
    assert_eq!(untouched, 50);
    let low = crate::domain::ids::PriorityId::new(4).unwrap();
    let all = memory
        .issues(&crate::domain::issue_filter::IssueQuery::first_page(
            IssueFilter::default(),
        ))
        .await
        .unwrap();
    assert!(
        all.iter()
            .filter(|i| i.priority.as_ref().is_some_and(|p| p.id == low))
            .count()
            < 50,
        "the bulk update wrote nothing"
    );
    // Space-wide things still work.
    assert!(tools.call("get_space", json!({})).await.is_ok());
}

#[tokio::test]
async fn an_unmatched_entry_beside_a_matching_one_allows_only_the_match() {
    let (tools, _) = DemoTools::scoped("WEB,NOPE");
    let count = tools.call("count_issues", json!({})).await.unwrap();
    let all = tools
        .call("get_issues", json!({"count": 100}))
        .await
        .unwrap();
    assert_eq!(count["count"], all["count"]);
    assert!(
        issue_keys(&all, "issues")
            .iter()
            .all(|k| k.starts_with("WEB-"))
    );
    let refusal = tools
        .call("get_issue", json!({"issueKey": "OPS-1"}))
        .await
        .unwrap_err();
    assert!(
        refusal.contains("(BACKLOG_ALLOWED_PROJECTS: WEB, NOPE (matches no project))"),
        "{refusal}"
    );
}

#[tokio::test]
async fn a_renamed_project_stays_allowed_and_no_other_becomes_so() {
    let (tools, _) = DemoTools::scoped("WEB");
    tools
        .call("update_project", json!({"projectKey": "WEB", "key": "WWW"}))
        .await
        .unwrap();
    let issue = tools
        .call("get_issue", json!({"issueKey": "WWW-1"}))
        .await
        .unwrap();
    assert_eq!(issue["issueKey"], "WWW-1");
    let mine = tools.call("get_user_issue_list", json!({})).await.unwrap();
    assert!(
        issue_keys(&mine, "issues")
            .iter()
            .all(|k| k.starts_with("WWW-"))
    );
    assert!(
        tools
            .call("get_issue", json!({"issueKey": "OPS-1"}))
            .await
            .is_err()
    );
}

#[tokio::test]
async fn names_resolve_only_inside_the_allowed_projects() {
    let (tools, _) = DemoTools::scoped("WEB");
    let error = tools
        .call("get_issues", json!({"statusId": ["保留中"]}))
        .await
        .unwrap_err();
    assert!(error.contains("in project WEB"), "{error}");
    assert!(
        !error.contains("OPS") && !error.contains("未対応"),
        "{error}"
    );
    let error = tools
        .call("get_issues", json!({"projectId": ["Web Renewel"]}))
        .await
        .unwrap_err();
    assert!(error.contains("WEB (Web Renewal)"), "{error}");
    assert!(!error.contains("APP") && !error.contains("OPS"), "{error}");
    for project in ["OPS", "社内インフラ運用", "103"] {
        let error = tools
            .call("get_project", json!({"projectId": project}))
            .await
            .unwrap_err();
        assert!(
            error.contains("outside the projects this server may touch")
                || error.contains("no project named"),
            "{project}: {error}"
        );
        assert!(!error.contains("社内インフラ運用 ("), "{project}: {error}");
    }
}

#[tokio::test]
async fn every_issue_a_write_names_is_checked_before_it_is_sent() {
    let (tools, memory) = DemoTools::scoped("WEB");
    let ops_1 = issue_id("OPS-1").await;
    let web_1 = IssueRef::Key(IssueKey::parse("WEB-1").unwrap());
    let before = memory.issue(&web_1).await.unwrap();
    for (tool, arguments) in [
        (
            "update_issue",
            json!({"issueKey": "WEB-1", "parentIssueId": ops_1}),
        ),
        (
            "update_issue",
            json!({"issueKey": "WEB-1", "parentIssueId": "OPS-1"}),
        ),
        (
            "add_issue",
            json!({"projectId": "WEB", "summary": "x", "issueTypeId": "Task", "priorityId": "Normal", "parentIssueId": ops_1}),
        ),
        (
            "add_related_issue",
            json!({"issueKey": "WEB-1", "targetIssueId": ops_1}),
        ),
        (
            "remove_related_issue",
            json!({"issueKey": "WEB-1", "relatedIssueId": ops_1}),
        ),
        ("update_issue", json!({"issueId": ops_1, "summary": "x"})),
        ("delete_issue", json!({"issueId": ops_1.to_string()})),
        (
            "add_issue_comment",
            json!({"issueId": ops_1, "content": "x"}),
        ),
        ("add_watching", json!({"issueIdOrKey": ops_1})),
    ] {
        let refusal = tools.call(tool, arguments.clone()).await.unwrap_err();
        assert!(
            refusal.contains("outside the projects this server may touch"),
            "{tool} {arguments}: {refusal}"
        );
        assert!(
            refusal.contains("nothing was read or changed"),
            "{tool}: {refusal}"
        );
    }
    assert_eq!(memory.issue(&web_1).await.unwrap(), before);
    assert_eq!(
        memory.count_issues(&IssueFilter::default()).await.unwrap(),
        50
    );
}

#[tokio::test]
async fn a_watching_of_another_project_is_read_only_to_learn_that() {
    let (tools, _) = DemoTools::scoped("WEB");
    // 7003 watches APP-1.
    let refusal = tools
        .call("update_watching", json!({"watchId": 7003, "note": "x"}))
        .await
        .unwrap_err();
    assert!(
        refusal.contains("watching 7003 is outside the projects")
            && refusal.contains("it was read to learn its issue's project")
            && refusal.contains("nothing was changed"),
        "{refusal}"
    );
    assert!(!refusal.contains("クラッシュ"), "{refusal}");
}

#[tokio::test]
async fn narrowed_watch_lists_count_and_page_exactly() {
    let (tools, _) = DemoTools::scoped("WEB");
    let count = tools
        .call("get_watching_list_count", json!({"userId": "me"}))
        .await
        .unwrap();
    // a.tanaka watches WEB-5, WEB-9, WEB-12 (and APP-1, OPS-1, APP-5).
    assert_eq!(count["count"], 3);
    let unread = tools
        .call(
            "get_watching_list_count",
            json!({"userId": "me", "resourceAlreadyRead": false}),
        )
        .await
        .unwrap();
    assert_eq!(unread["count"], 1);
    let mut paged = Vec::new();
    for offset in 0..3 {
        let page = tools
            .call(
                "get_watching_list_items",
                json!({"userId": "me", "count": 1, "offset": offset}),
            )
            .await
            .unwrap();
        let items = page["watchings"].as_array().unwrap();
        assert_eq!(items.len(), 1, "page {offset} is whole: {page}");
        paged.push(items[0]["issueKey"].as_str().unwrap().to_owned());
    }
    paged.sort();
    assert_eq!(paged, ["WEB-12", "WEB-5", "WEB-9"]);
}

#[tokio::test]
async fn narrowed_activities_are_the_allowed_projects_ones_in_order() {
    let (tools, _) = DemoTools::scoped("WEB,OPS");
    let unrestricted = DemoTools::new();
    let everything = unrestricted
        .call("get_space_activities", json!({"count": 100}))
        .await
        .unwrap();
    let expected: Vec<Value> = everything["activities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["project"] != "APP")
        .take(10)
        .cloned()
        .collect();
    let narrowed = tools
        .call("get_space_activities", json!({"count": 10}))
        .await
        .unwrap();
    assert_eq!(narrowed["activities"].as_array().unwrap(), &expected);
    let mine = tools
        .call(
            "get_user_recent_updates",
            json!({"userId": "me", "count": 5}),
        )
        .await
        .unwrap();
    let items = mine["activities"].as_array().unwrap();
    assert_eq!(items.len(), 5);
    assert!(items.iter().all(|a| a["project"] != "APP"), "{mine}");
}
