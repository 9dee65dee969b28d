//! The issue toolset through its handlers, over the in-memory demo space.

use crate::app::test_support::{DemoTools, issue_keys};
use serde_json::json;

#[tokio::test]
async fn get_issues_takes_names_for_every_id() {
    let tools = DemoTools::new();
    let answer = tools
        .call(
            "get_issues",
            json!({"projectId": ["OPS"], "statusId": ["処理中"], "assigneeId": ["me"], "count": 100}),
        )
        .await
        .unwrap();
    let mut found = issue_keys(&answer, "issues");
    found.sort();
    assert_eq!(found, ["OPS-1", "OPS-6"]);
    let answer = tools
        .call(
            "get_issues",
            json!({"milestoneId": ["Sprint 42"], "categoryId": ["Frontend"], "count": 100}),
        )
        .await
        .unwrap();
    assert_eq!(answer["count"], 4);
}

#[tokio::test]
async fn get_issues_answers_compactly_and_fields_widen_or_narrow() {
    let tools = DemoTools::new();
    let answer = tools
        .call("get_issues", json!({"count": 100}))
        .await
        .unwrap();
    let first = answer["issues"][0].as_object().unwrap();
    assert!(first.contains_key("issueKey") && first.contains_key("url"));
    assert!(
        !first.contains_key("description"),
        "descriptions only on request"
    );
    let bytes = serde_json::to_string(&answer["issues"]).unwrap().len() / 50;
    assert!(bytes <= 400, "{bytes} bytes per issue");

    let wide = tools
        .call(
            "get_issues",
            json!({"count": 5, "fields": ["summary", "description"]}),
        )
        .await
        .unwrap();
    let item = wide["issues"][0].as_object().unwrap();
    let mut names: Vec<&str> = item.keys().map(String::as_str).collect();
    names.sort_unstable();
    assert_eq!(names, ["description", "issueKey", "summary"]);
    let error = tools
        .call("get_issues", json!({"fields": ["colour"]}))
        .await
        .unwrap_err();
    assert!(
        error.starts_with("invalid argument `fields`: unknown field `colour`"),
        "{error}"
    );
}

#[tokio::test]
async fn get_issues_sorts_pages_and_validates() {
    let tools = DemoTools::new();
    let page = tools
        .call("get_issues", json!({"projectId": ["WEB"], "sort": "created", "order": "asc", "offset": 20, "count": 5}))
        .await
        .unwrap();
    assert_eq!(issue_keys(&page, "issues"), ["WEB-21", "WEB-22"]);
    assert_eq!(page["offset"], 20);
    let error = tools
        .call("get_issues", json!({"count": 500}))
        .await
        .unwrap_err();
    assert!(
        error.starts_with("invalid argument `count`: count must be between 1 and 100"),
        "{error}"
    );
    let error = tools
        .call("get_issues", json!({"sort": "colour"}))
        .await
        .unwrap_err();
    assert!(error.contains("unknown sort `colour`"), "{error}");
    let error = tools
        .call(
            "get_issues",
            json!({"dueDateSince": "2026-12-01", "dueDateUntil": "2026-11-01"}),
        )
        .await
        .unwrap_err();
    assert!(
        error.contains("dueDateSince (2026-12-01) is after dueDateUntil (2026-11-01)"),
        "{error}"
    );
}

#[tokio::test]
async fn a_keyword_that_finds_nothing_says_what_to_try() {
    let tools = DemoTools::new();
    let answer = tools
        .call(
            "get_issues",
            json!({"projectId": ["WEB"], "keyword": "authentication"}),
        )
        .await
        .unwrap();
    assert_eq!(answer["count"], 0);
    let note = answer["note"].as_str().unwrap();
    assert!(
        note.contains("No issue matches the keyword \"authentication\""),
        "{note}"
    );
    assert!(note.contains("Japanese or English form"), "{note}");
    assert!(note.contains("Frontend, Backend, Design"), "{note}");
    let found = tools
        .call("get_issues", json!({"keyword": "ログイン"}))
        .await
        .unwrap();
    assert!(found["count"].as_u64().unwrap() >= 2);
    assert!(found.get("note").is_none());
}

#[tokio::test]
async fn count_issues_uses_the_same_filters() {
    let tools = DemoTools::new();
    let count = tools
        .call(
            "count_issues",
            json!({"assigneeId": ["me"], "statusId": ["Closed", "完了"]}),
        )
        .await
        .unwrap();
    assert_eq!(count["count"], 1, "OPS-4 is my only closed issue");
}

#[tokio::test]
async fn a_long_list_is_cut_to_the_budget_with_the_next_offset() {
    let tools = DemoTools::with_budget(|_| {}, 1_500);
    let answer = tools
        .call("get_issues", json!({"count": 50, "offset": 0}))
        .await
        .unwrap();
    let kept = answer["issues"].as_array().unwrap().len();
    assert!(kept < 50, "{kept}");
    assert_eq!(answer["truncated"]["nextOffset"], kept);
    assert_eq!(answer["truncated"]["omitted"], 50 - kept);
}

#[tokio::test]
async fn get_issue_shows_every_field_in_the_timezone() {
    let tools = DemoTools::new();
    let issue = tools
        .call(
            "get_issue",
            json!({"issueKey": "WEB-3", "timezone": "Asia/Tokyo"}),
        )
        .await
        .unwrap();
    let parent = tools
        .call("get_issue", json!({"issueKey": "WEB-1"}))
        .await
        .unwrap();
    assert_eq!(
        issue["parentIssueId"], parent["id"],
        "one request: the parent by id"
    );
    assert_eq!(issue["status"], "In Review");
    assert!(issue["created"].as_str().unwrap().ends_with("+09:00"));
    let by_id = tools
        .call(
            "get_issue",
            json!({"issueId": issue["id"], "issueKey": "WEB-1"}),
        )
        .await
        .unwrap();
    assert_eq!(
        by_id["issueKey"], "WEB-3",
        "a positive id wins over the key"
    );
    let fallback = tools
        .call("get_issue", json!({"issueId": 0, "issueKey": "WEB-1"}))
        .await
        .unwrap();
    assert_eq!(fallback["issueKey"], "WEB-1", "id 0 falls back to the key");
    let error = tools.call("get_issue", json!({})).await.unwrap_err();
    assert!(error.contains("an issue is required"), "{error}");
}

#[tokio::test]
async fn update_issue_resolves_names_in_the_issues_project_and_reports_changes() {
    let tools = DemoTools::new();
    let answer = tools
        .call(
            "update_issue",
            json!({"issueKey": "OPS-8", "statusId": "処理中", "assigneeId": "山田", "comment": "着手します"}),
        )
        .await
        .unwrap();
    assert_eq!(answer["issue"]["status"], "処理中");
    assert_eq!(answer["issue"]["assignee"], "山田 健");
    let changes: Vec<(String, String, String)> = answer["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["field"].as_str().unwrap().to_owned(),
                c["from"].as_str().unwrap_or_default().to_owned(),
                c["to"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert!(
        changes.contains(&("status".into(), "未対応".into(), "処理中".into())),
        "{changes:?}"
    );
    assert!(
        changes.contains(&("assignee".into(), "Aiko Tanaka".into(), "山田 健".into())),
        "{changes:?}"
    );
    let details = tools
        .call("get_issue_details", json!({"issue_key": "OPS-8"}))
        .await
        .unwrap();
    let last = details["comments"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["content"], "着手します");
}

#[tokio::test]
async fn update_issue_clears_with_null_and_refuses_an_empty_change() {
    let tools = DemoTools::new();
    let answer = tools
        .call(
            "update_issue",
            json!({"issueKey": "WEB-6", "assigneeId": null, "dueDate": null}),
        )
        .await
        .unwrap();
    assert!(answer["issue"].get("assignee").is_none());
    assert!(answer["issue"].get("dueDate").is_none());
    let error = tools
        .call("update_issue", json!({"issueKey": "WEB-6"}))
        .await
        .unwrap_err();
    assert!(error.contains("nothing to change"), "{error}");
    let error = tools
        .call(
            "update_issue",
            json!({"issueKey": "WEB-6", "statusId": "Doing"}),
        )
        .await
        .unwrap_err();
    assert!(
        error.contains("no status named \"Doing\" in project WEB"),
        "{error}"
    );
}

#[tokio::test]
async fn add_issue_creates_with_names_and_defaults() {
    let tools = DemoTools::new();
    let created = tools
        .call(
            "add_issue",
            json!({
                "projectId": "WEB", "summary": "Checkout button misaligned", "issueTypeId": "Bug",
                "assigneeId": "t.sato", "milestoneId": ["Sprint 43"], "categoryId": ["Frontend"],
                "dueDate": "2026-12-05", "parentIssueId": "WEB-1"
            }),
        )
        .await
        .unwrap();
    assert_eq!(created["issueKey"], "WEB-23");
    assert_eq!(created["priority"], "Normal");
    assert_eq!(created["status"], "Open");
    assert_eq!(created["assignee"], "Taro Sato");
    let parent = tools
        .call("get_issue", json!({"issueKey": "WEB-1"}))
        .await
        .unwrap();
    assert_eq!(created["parentIssueId"], parent["id"]);
    let found = tools
        .call("get_issues", json!({"keyword": "Checkout button"}))
        .await
        .unwrap();
    assert_eq!(issue_keys(&found, "issues"), ["WEB-23"]);
}

#[tokio::test]
async fn bulk_update_plans_applies_and_is_safe_to_retry() {
    let tools = DemoTools::new();
    let request = json!({"issueKeys": ["WEB-4", "WEB-22", "OPS-8", "NOPE-1"], "statusId": "Resolved", "comment": "Sprint review"});
    let mut dry = request.clone();
    dry["dryRun"] = json!(true);
    let plan = tools.call("bulk_update_issues", dry).await.unwrap();
    assert_eq!(plan["dryRun"], true);
    assert_eq!(plan["summary"]["planned"], 2);
    assert_eq!(
        plan["summary"]["failed"], 2,
        "OPS has no status named Resolved; NOPE-1 does not exist"
    );
    let reasons: Vec<&str> = plan["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["reason"].as_str())
        .collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("no status named \"Resolved\" in project OPS")),
        "{reasons:?}"
    );
    let untouched = tools
        .call("get_issue", json!({"issueKey": "WEB-4"}))
        .await
        .unwrap();
    assert_eq!(untouched["status"], "Open", "a dry run writes nothing");

    let done = tools
        .call("bulk_update_issues", request.clone())
        .await
        .unwrap();
    assert_eq!(done["summary"]["updated"], 2);
    let web_4 = &done["results"][0];
    assert_eq!(web_4["outcome"], "updated");
    assert!(
        web_4["changes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["field"] == "status" && c["from"] == "Open" && c["to"] == "Resolved")
    );

    let again = tools.call("bulk_update_issues", request).await.unwrap();
    assert_eq!(
        again["summary"]["unchanged"], 2,
        "already in the target state: nothing written twice"
    );
    assert_eq!(again["summary"]["updated"], 0);
    let details = tools
        .call("get_issue_details", json!({"issue_key": "WEB-4"}))
        .await
        .unwrap();
    let reviews = details["comments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["content"] == "Sprint review")
        .count();
    assert_eq!(reviews, 1);
}

#[tokio::test]
async fn bulk_update_by_filter_hands_over_open_issues() {
    let tools = DemoTools::new();
    let request = json!({"filter": {"assigneeId": ["k.yamada"], "statusId": ["Open", "未対応"]}, "assigneeId": "me"});
    let done = tools
        .call("bulk_update_issues", request.clone())
        .await
        .unwrap();
    assert_eq!(done["summary"]["updated"], 1, "{done}");
    assert_eq!(done["results"][0]["issue"], "APP-5");
    let again = tools.call("bulk_update_issues", request).await.unwrap();
    assert_eq!(again["summary"]["total"], 0, "nothing matches any more");
}

#[tokio::test]
async fn a_comment_alone_is_posted_once() {
    let tools = DemoTools::new();
    let request =
        json!({"issueKeys": ["APP-2", "APP-10"], "comment": "Please update the estimate."});
    let first = tools
        .call("bulk_update_issues", request.clone())
        .await
        .unwrap();
    assert_eq!(first["summary"]["updated"], 2);
    let second = tools.call("bulk_update_issues", request).await.unwrap();
    assert_eq!(second["summary"]["unchanged"], 2);
}

#[tokio::test]
async fn bulk_update_refuses_too_many_or_nothing_to_do() {
    let tools = DemoTools::new();
    let many: Vec<String> = (1..=101).map(|n| format!("WEB-{n}")).collect();
    let error = tools
        .call(
            "bulk_update_issues",
            json!({"issueKeys": many, "statusId": 4}),
        )
        .await
        .unwrap_err();
    assert!(error.contains("101 issues given; at most 100"), "{error}");
    let error = tools
        .call("bulk_update_issues", json!({"issueKeys": ["WEB-1"]}))
        .await
        .unwrap_err();
    assert!(error.contains("no change given"), "{error}");
}

#[tokio::test]
async fn custom_fields_are_set_by_name_and_checked_against_issue_types() {
    let tools = DemoTools::new();
    let set = tools
        .call(
            "update_issue",
            json!({"issueKey": "WEB-5", "customFields": [{"id": "Browser", "value": "Safari"}, {"id": "Story points", "value": 5}]}),
        )
        .await
        .unwrap();
    let fields = set["issue"]["customFields"].as_array().unwrap();
    assert!(
        fields
            .iter()
            .any(|f| f["name"] == "Browser" && f["value"] == "Safari"),
        "{fields:?}"
    );
    assert!(
        fields
            .iter()
            .any(|f| f["name"] == "Story points" && f["value"] == "5"),
        "{fields:?}"
    );
    let error = tools
        .call(
            "update_issue",
            json!({"issueKey": "WEB-1", "customFields": [{"id": "Browser", "value": "Safari"}]}),
        )
        .await
        .unwrap_err();
    assert!(
        error.contains(
            "custom field \"Browser\" does not apply to issue type Task; it applies to: Bug"
        ),
        "{error}"
    );
    let error = tools
        .call(
            "update_issue",
            json!({"issueKey": "WEB-5", "customFields": [{"id": "Browser", "value": "Lynx"}]}),
        )
        .await
        .unwrap_err();
    assert!(
        error.contains("no item named \"Lynx\" of custom field \"Browser\""),
        "{error}"
    );
}
