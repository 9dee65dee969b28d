//! Answers cut to the token budget still match their output schemas.

use super::conformance::Conformance;
use crate::support::{ServerEnv, start, structured, text};
use backlog_mcp::app::tooling::MIN_MAX_TOKENS;
use serde_json::{Value, json};

#[tokio::test]
async fn answers_cut_to_the_token_budget_match_their_output_schema() {
    let server =
        start(ServerEnv::demo().var("BACKLOG_MAX_TOKENS", &MIN_MAX_TOKENS.to_string())).await;
    let tools = server.client.list_all_tools().await.unwrap();
    let mut c = Conformance::new(tools);
    let cut = [
        ("get_issues", json!({"count": 100})),
        (
            "get_user_issue_list",
            json!({"assignee_ids": [1000, 1001, 1002, 1003, 1004, 1005], "status_ids": [1, 2, 3, 4]}),
        ),
        ("get_issue_details", json!({"issue_key": "WEB-1"})),
        ("get_space_activities", json!({"count": 100})),
    ];
    for (tool, arguments) in cut {
        let answer = c.check(tool, "over the budget", &server.call(tool, arguments).await);
        if tool != "get_issue_details" {
            assert!(answer.contains_key("truncated"), "{tool}: {answer:?}");
        }
    }
    server.stop().await;
    assert!(
        c.failures.is_empty(),
        "cut answers that break their output schema:\n{}",
        c.failures.join("\n")
    );
}

/// One issue whose description is a pasted log: every answer that shows it
/// (the update's diff shows it twice) keeps within the budget, by cutting the
/// long texts, and still matches its schema.
#[tokio::test]
async fn a_huge_description_is_cut_to_the_budget_in_every_answer() {
    const BUDGET: u64 = MIN_MAX_TOKENS;
    let server = start(ServerEnv::demo().var("BACKLOG_MAX_TOKENS", &BUDGET.to_string())).await;
    let tools = server.client.list_all_tools().await.unwrap();
    let mut c = Conformance::new(tools);
    let log = crate::token_budget::log();
    let calls = [
        (
            "update_issue",
            json!({"issueKey": "WEB-5", "description": log}),
        ),
        (
            "update_issue",
            json!({"issueKey": "WEB-5", "description": "fixed"}),
        ),
        (
            "update_issue",
            json!({"issueKey": "WEB-5", "description": log}),
        ),
        ("get_issue", json!({"issueKey": "WEB-5"})),
        ("get_issue_details", json!({"issue_key": "WEB-5"})),
        (
            "get_issues",
            json!({"count": 100, "fields": ["description"]}),
        ),
    ];
    for (tool, arguments) in calls {
        let result = server.call(tool, arguments).await;
        let answer = c.check(tool, "a huge description", &result);
        let characters = text(&result).chars().count() as u64;
        // At most one token per character, and 2.5 characters per token.
        assert!(
            characters * 2 <= BUDGET * 5,
            "{tool}: {characters} characters"
        );
        let shown = Value::Object(answer).to_string();
        assert!(
            shown.contains("エラー: 接続がタイムアウトしました"),
            "{tool}: {shown}"
        );
        assert!(
            shown.contains("more characters cut to fit the answer budget"),
            "{tool}: {shown}"
        );
    }
    // The page moves on: the huge issue is shown, cut, and the next offset is past it.
    let page = structured(
        &server
            .call(
                "get_issues",
                json!({"count": 100, "fields": ["description"]}),
            )
            .await,
    );
    assert!(!page["issues"].as_array().unwrap().is_empty());
    assert!(
        page["truncated"]["nextOffset"].as_u64().unwrap() >= 1,
        "{page:?}"
    );
    server.stop().await;
    assert!(c.failures.is_empty(), "{}", c.failures.join("\n"));
}
