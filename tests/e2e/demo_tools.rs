use crate::support::{ServerEnv, error_text, start, structured};
use serde_json::json;

#[tokio::test]
async fn demo_mode_answers_my_open_issues_and_says_so_on_stderr() {
    let server = start(ServerEnv::demo()).await;
    let answer = structured(&server.call("get_user_issue_list", json!({})).await);
    assert_eq!(answer["total"], 18);
    let issues = answer["issues"].as_array().unwrap();
    assert_eq!(issues.len(), 18);
    assert!(
        issues
            .iter()
            .all(|i| i["status"] != "Closed" && i["status"] != "完了")
    );
    let first = issues[0].as_object().unwrap();
    let keys: Vec<&str> = first.keys().map(String::as_str).collect();
    assert_eq!(keys[0], "issueKey", "issues lead with their key");
    let stderr = server.stop().await;
    assert!(stderr.contains("demo mode"), "{stderr}");
}

#[tokio::test]
async fn issue_details_carry_the_conversation_in_the_requested_zone() {
    let server = start(ServerEnv::demo()).await;
    let result = server
        .call(
            "get_issue_details",
            json!({"issue_key": "OPS-1", "issue_title": "VPN", "timezone": "Asia/Tokyo"}),
        )
        .await;
    let answer = structured(&result);
    assert_eq!(answer["summary"], "VPN接続が頻繁に切断される");
    assert_eq!(answer["status"], "処理中");
    let comments = answer["comments"].as_array().unwrap();
    assert_eq!(comments.len(), 2, "the change-log-only comment is dropped");
    assert_eq!(comments[0]["created"], "2026-11-19T09:00:00+09:00");
    // The text rendering is the same JSON, for clients that only read text.
    let text = crate::support::text(&result);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&text).unwrap(),
        json!(answer)
    );
    server.stop().await;
}

#[tokio::test]
async fn bad_arguments_are_tool_errors_and_the_server_keeps_serving() {
    let server = start(ServerEnv::demo()).await;
    let cases = [
        (
            "get_issue_details",
            json!({"issue_key": "WEB-999"}),
            "issue WEB-999 was not found",
        ),
        (
            "get_issue_details",
            json!({"issue_key": "../projects/X"}),
            "invalid argument `issue_key`",
        ),
        (
            "get_issue_details",
            json!({"issue_key": ""}),
            "invalid argument `issue_key`: the key is empty",
        ),
        (
            "get_issue_details",
            json!({"issue_key": "WEB-1", "timezone": "Mars/Base"}),
            "invalid argument `timezone`: unknown timezone \"Mars/Base\"",
        ),
        (
            "get_issue_details",
            json!({}),
            "invalid argument `issue_key`: missing field",
        ),
        (
            "get_issue_details",
            json!({"issueKey": "WEB-1"}),
            "invalid argument `issueKey`: this tool has no such parameter; did you mean `issue_key`?",
        ),
        (
            "get_user_issue_list",
            json!({"created_since": "2024-02-30"}),
            "invalid argument `created_since`: 2024-02-30 is not a day of the calendar",
        ),
        (
            "get_user_issue_list",
            json!({"due_date_since": "2026-12-01", "due_date_until": "2026-11-01"}),
            "invalid argument `due_date_since`: due_date_since (2026-12-01) is after due_date_until (2026-11-01)",
        ),
        (
            "get_user_issue_list",
            json!({"project_ids": "abc"}),
            "invalid argument `project_ids`: invalid type: string \"abc\"",
        ),
        (
            "get_user_issue_list",
            json!({"status_ids": [1.5]}),
            "invalid argument `status_ids[0]`",
        ),
    ];
    for (tool, arguments, expected) in cases {
        let message = error_text(&server.call(tool, arguments.clone()).await);
        assert!(
            message.starts_with(expected),
            "{tool} {arguments}: {message}"
        );
    }
    let still_there = structured(
        &server
            .call("get_issue_details", json!({"issue_key": "WEB-1"}))
            .await,
    );
    assert_eq!(still_there["issueKey"], "WEB-1");
    server.stop().await;
}

#[tokio::test]
async fn an_unknown_tool_is_a_protocol_error_naming_it() {
    let server = start(ServerEnv::demo()).await;
    let error = server
        .client
        .call_tool(rmcp::model::CallToolRequestParams::new("delete_everything"))
        .await
        .unwrap_err();
    assert!(error.to_string().contains("delete_everything"), "{error}");
    server.stop().await;
}
