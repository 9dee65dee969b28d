//! bulk_update_issues through its handler, over the in-memory demo space.

use crate::app::test_support::DemoTools;
use serde_json::json;

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
