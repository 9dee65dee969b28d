//! The calls that make every tool's answer large: the data made first, the
//! cases of tools that need them, and the default for the others.

use super::log;
use crate::argument_sweep::default_arguments;
use crate::support::{Running, structured};
use rmcp::model::Tool;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// Makes the demo space's answers large: long texts everywhere, long lists.
pub struct Made {
    comment_id: i64,
    watch_ids: Vec<i64>,
    version_ids: Vec<i64>,
    new_issue: String,
}

pub async fn make_it_large(server: &Running) -> Made {
    let log = log();
    let ok = |result: &rmcp::model::CallToolResult| structured(result);
    ok(&server
        .call(
            "update_issue",
            json!({"issueKey": "WEB-5", "description": log}),
        )
        .await);
    let mut comment_id = 0;
    for _ in 0..3 {
        let comment = ok(&server
            .call(
                "add_issue_comment",
                json!({"issueKey": "WEB-5", "content": log}),
            )
            .await);
        comment_id = comment["id"].as_i64().unwrap();
    }
    for i in 0..60 {
        ok(&server
            .call(
                "add_category",
                json!({"projectKey": "WEB", "name": format!("Budget category {i:02}: {}", "a long name for a long list ".repeat(3))}),
            )
            .await);
        ok(&server
            .call(
                "add_project",
                json!({"name": format!("Budget project {i:02} with a long enough name"), "key": format!("BUDGET_{i:02}")}),
            )
            .await);
    }
    let mut version_ids = Vec::new();
    for i in 0..4 {
        let version = ok(&server
            .call(
                "add_version_milestone",
                json!({"projectKey": "WEB", "name": format!("Budget sprint {i}"), "description": log}),
            )
            .await);
        version_ids.push(version["id"].as_i64().unwrap());
    }
    let mut watch_ids = Vec::new();
    for key in ["WEB-1", "WEB-2", "WEB-3", "WEB-4"] {
        let watch = ok(&server
            .call("add_watching", json!({"issueIdOrKey": key, "note": log}))
            .await);
        watch_ids.push(watch["id"].as_i64().unwrap());
    }
    for target in ["WEB-2", "WEB-3", "WEB-4", "WEB-6"] {
        ok(&server
            .call(
                "add_related_issue",
                json!({"issueKey": "WEB-1", "targetIssueId": target}),
            )
            .await);
    }
    let issue = ok(&server
        .call(
            "add_issue",
            json!({"projectId": "WEB", "summary": "Budget check", "issueTypeId": "Bug", "description": log}),
        )
        .await);
    Made {
        comment_id,
        watch_ids,
        version_ids,
        new_issue: issue["issueKey"].as_str().unwrap().to_owned(),
    }
}

/// The calls that make a tool's answer large, for the tools whose default
/// ([`large_by_default`]) is not enough.
pub fn large_calls(
    made: &Made,
    all_fields: &dyn Fn(&str) -> Value,
) -> BTreeMap<&'static str, Vec<Value>> {
    let log = log();
    let [watch_1, watch_2, watch_3, _] = made.watch_ids[..] else {
        panic!("four watches");
    };
    let [version_1, version_2, ..] = made.version_ids[..] else {
        panic!("versions");
    };
    let bulk = json!({"filter": {}, "statusId": "Resolved", "assigneeId": "me", "comment": "closing at sprint end; see the retro notes for what we carry over"});
    let mut dry_run = bulk.clone();
    dry_run["dryRun"] = json!(true);
    BTreeMap::from([
        (
            "get_user_recent_updates",
            vec![json!({"userId": "me", "count": 100})],
        ),
        (
            "get_project_list",
            vec![json!({"all": true, "fields": all_fields("get_project_list")})],
        ),
        (
            "add_project",
            vec![json!({"name": "Budget add", "key": "BUDGETADD"})],
        ),
        (
            "update_project",
            vec![json!({"projectKey": "BUDGETADD", "name": "Budget add, renamed"})],
        ),
        (
            "get_issues",
            vec![
                json!({"count": 100, "fields": all_fields("get_issues")}),
                json!({"count": 100, "keyword": "Budget", "fields": all_fields("get_issues")}),
            ],
        ),
        ("count_issues", vec![json!({})]),
        (
            "add_issue",
            vec![
                json!({"projectId": "WEB", "summary": "Budget add", "issueTypeId": "Task", "description": log}),
            ],
        ),
        (
            "update_issue",
            vec![
                json!({"issueKey": "WEB-5", "description": "fixed"}),
                json!({"issueKey": "WEB-5", "description": log, "comment": log}),
            ],
        ),
        ("delete_issue", vec![json!({"issueKey": made.new_issue})]),
        (
            "get_issue_comments",
            vec![
                json!({"issueKey": "WEB-5", "count": 100, "fields": all_fields("get_issue_comments")}),
            ],
        ),
        (
            "add_issue_comment",
            vec![json!({"issueKey": "WEB-5", "content": log})],
        ),
        (
            "update_issue_comment",
            vec![
                json!({"issueKey": "WEB-5", "commentId": made.comment_id, "content": format!("{log} (edited)")}),
            ],
        ),
        (
            "get_related_issues",
            vec![json!({"issueKey": "WEB-1", "fields": all_fields("get_related_issues")})],
        ),
        (
            "add_related_issue",
            vec![json!({"issueKey": "WEB-5", "targetIssueId": "WEB-7"})],
        ),
        (
            "remove_related_issue",
            vec![json!({"issueKey": "WEB-1", "relatedIssueId": "WEB-6"})],
        ),
        (
            "add_category",
            vec![json!({"projectKey": "WEB", "name": "Budget add"})],
        ),
        (
            "get_watching_list_items",
            vec![
                json!({"userId": "me", "count": 100, "fields": all_fields("get_watching_list_items")}),
            ],
        ),
        (
            "add_watching",
            vec![json!({"issueIdOrKey": "WEB-6", "note": log})],
        ),
        (
            "update_watching",
            vec![json!({"watchId": watch_1, "note": format!("{log} (again)")})],
        ),
        ("delete_watching", vec![json!({"watchId": watch_2})]),
        ("mark_watching_as_read", vec![json!({"watchId": watch_3})]),
        (
            "get_version_milestone_list",
            vec![
                json!({"projectKey": "WEB", "archived": true, "fields": all_fields("get_version_milestone_list")}),
            ],
        ),
        (
            "add_version_milestone",
            vec![json!({"projectKey": "WEB", "name": "Budget add", "description": log})],
        ),
        (
            "update_version_milestone",
            vec![
                json!({"projectKey": "WEB", "id": version_1, "name": "Budget sprint renamed", "description": format!("{log} (again)")}),
            ],
        ),
        (
            "delete_version",
            vec![json!({"projectKey": "WEB", "id": version_2})],
        ),
        ("bulk_update_issues", vec![dry_run, bulk]),
        (
            "get_user_issue_list",
            vec![json!({"status_ids": [1, 2, 3, 4]})],
        ),
    ])
}

/// A tool's call when [`large_calls`] has none: valid values of its
/// identifying parameters (a project by key), the most items and every field.
/// A tool it does not suit fails the test with its error, asking for a case.
pub fn large_by_default(tool: &Tool, all_fields: &dyn Fn(&str) -> Value) -> Value {
    let mut arguments = default_arguments(tool);
    let properties = tool
        .input_schema
        .get("properties")
        .and_then(Value::as_object);
    if properties.is_some_and(|p| p.contains_key("count")) {
        arguments.insert("count".to_owned(), json!(100));
    }
    arguments.insert("fields".to_owned(), all_fields(&tool.name));
    Value::Object(arguments)
}
