//! The token budget holds for every tool: at the smallest budget the server
//! accepts, every tool listed in `tools/list` is called with arguments that
//! make its answer large (a pasted log in every free text, long lists, every
//! field), and every answer is within the budget, keeps its identity whole
//! (a cut marker only ever ends a free text) and still matches its output
//! schema.

use crate::output_schemas::Conformance;
use crate::support::{Running, ServerEnv, start, structured, text};
use backlog_mcp::app::tooling::{MIN_MAX_TOKENS, estimate_tokens};
use fake_backlog::{FakeBacklog, Space};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// What the end of every shortened text says.
const MARKER: &str = "more characters cut to fit the answer budget]";

/// The only properties whose values may be shortened.
const FREE_TEXT: [&str; 6] = [
    "description",
    "content",
    "comment",
    "note",
    "reason",
    "value",
];

/// Tools that answer with a file's contents: checked in
/// `a_text_attachment_is_cut_to_the_budget_and_base64_refused_over_it`.
const FILE_CONTENTS: [&str; 1] = ["get_issue_attachment"];

/// A log pasted into a text: about 60,000 tokens.
fn log() -> String {
    "エラー: 接続がタイムアウトしました (db-01:5432)\n".repeat(2_000)
}

/// Every place a marker appears, as `key` (or `field.from`/`field.to` in a change).
fn marked_keys(
    value: &Value,
    key: &str,
    parent: Option<&Map<String, Value>>,
    found: &mut Vec<String>,
) {
    match value {
        Value::String(text) if text.contains(MARKER) => {
            let field = parent
                .and_then(|p| p.get("field"))
                .and_then(Value::as_str)
                .filter(|_| key == "from" || key == "to");
            found.push(field.map_or_else(|| key.to_owned(), |f| format!("{f}.{key}")));
        }
        Value::Array(items) => items
            .iter()
            .for_each(|item| marked_keys(item, key, parent, found)),
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| marked_keys(v, k, Some(map), found)),
        _ => {}
    }
}

fn is_free_text(marked: &str) -> bool {
    let field = marked
        .strip_suffix(".from")
        .or_else(|| marked.strip_suffix(".to"))
        .unwrap_or(marked);
    FREE_TEXT.contains(&field)
}

/// Checks one answer (it must not be an error) and returns its structured content.
fn check(
    c: &mut Conformance,
    tool: &str,
    case: &str,
    result: &rmcp::model::CallToolResult,
) -> Map<String, Value> {
    let shown = text(result);
    let tokens = estimate_tokens(&shown);
    assert!(
        tokens <= MIN_MAX_TOKENS,
        "{tool} ({case}): {tokens} tokens over the budget of {MIN_MAX_TOKENS}"
    );
    assert_ne!(
        result.is_error,
        Some(true),
        "{tool} ({case}) failed: {shown}"
    );
    c.check_unless_error(tool, case, result);
    let answer = structured(result);
    let mut found = Vec::new();
    marked_keys(&Value::Object(answer.clone()), "", None, &mut found);
    let identity: Vec<&String> = found.iter().filter(|k| !is_free_text(k)).collect();
    assert!(
        identity.is_empty(),
        "{tool} ({case}): identity cut: {identity:?} in {shown}"
    );
    if !found.is_empty() || answer.contains_key("truncated") {
        let message = answer["truncated"]["message"].as_str().unwrap_or_default();
        assert!(
            message.contains("BACKLOG_MAX_TOKENS"),
            "{tool} ({case}): a cut answer says so: {shown}"
        );
    }
    answer
}

/// Makes the demo space's answers large: long texts everywhere, long lists.
struct Made {
    comment_id: i64,
    watch_ids: Vec<i64>,
    version_ids: Vec<i64>,
    new_issue: String,
}

async fn make_it_large(server: &Running) -> Made {
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

/// The calls that make each tool's answer large.
fn large_calls(
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
        ("get_space", vec![json!({})]),
        (
            "get_space_activities",
            vec![json!({"count": 100, "fields": all_fields("get_space_activities")})],
        ),
        (
            "get_users",
            vec![json!({"fields": all_fields("get_users")})],
        ),
        ("get_user_stars_count", vec![json!({"userId": "me"})]),
        ("get_myself", vec![json!({})]),
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
        ("get_project", vec![json!({"projectKey": "WEB"})]),
        (
            "get_project_users",
            vec![json!({"projectKey": "WEB", "fields": all_fields("get_project_users")})],
        ),
        (
            "update_project",
            vec![json!({"projectKey": "BUDGETADD", "name": "Budget add, renamed"})],
        ),
        ("get_project_statuses", vec![json!({"projectKey": "WEB"})]),
        ("get_project_metadata", vec![json!({"projectKey": "WEB"})]),
        ("get_issue", vec![json!({"issueKey": "WEB-5"})]),
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
        ("get_priorities", vec![json!({})]),
        (
            "get_categories",
            vec![json!({"projectKey": "WEB", "fields": all_fields("get_categories")})],
        ),
        (
            "add_category",
            vec![json!({"projectKey": "WEB", "name": "Budget add"})],
        ),
        (
            "get_custom_fields",
            vec![json!({"projectKey": "WEB", "fields": all_fields("get_custom_fields")})],
        ),
        (
            "get_issue_types",
            vec![json!({"projectKey": "WEB", "fields": all_fields("get_issue_types")})],
        ),
        ("get_resolutions", vec![json!({})]),
        (
            "get_watching_list_items",
            vec![
                json!({"userId": "me", "count": 100, "fields": all_fields("get_watching_list_items")}),
            ],
        ),
        ("get_watching_list_count", vec![json!({"userId": "me"})]),
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
        ("get_issue_details", vec![json!({"issue_key": "WEB-5"})]),
        (
            "get_user_issue_list",
            vec![json!({"status_ids": [1, 2, 3, 4]})],
        ),
    ])
}

/// Answers that must have been cut in this space: the ones the issue was
/// found with, and one of each kind of cut.
const MUST_BE_CUT: [&str; 9] = [
    "bulk_update_issues",
    "get_project_metadata",
    "get_issues",
    "get_issue",
    "update_issue",
    "get_issue_details",
    "get_categories",
    "get_project_list",
    "get_watching_list_items",
];

#[tokio::test]
async fn every_answer_of_every_tool_fits_the_smallest_budget_with_its_identity_whole() {
    let server =
        start(ServerEnv::demo().var("BACKLOG_MAX_TOKENS", &MIN_MAX_TOKENS.to_string())).await;
    let tools = server.client.list_all_tools().await.unwrap();
    let fields: BTreeMap<String, Value> = tools
        .iter()
        .filter_map(|t| {
            let enumerated = t
                .input_schema
                .get("properties")?
                .get("fields")?
                .pointer("/items/enum")?
                .clone();
            Some((t.name.to_string(), enumerated))
        })
        .collect();
    let all_fields = |tool: &str| fields.get(tool).cloned().unwrap_or(Value::Null);
    let made = make_it_large(&server).await;
    let mut calls = large_calls(&made, &all_fields);
    let mut c = Conformance::new(tools.clone());
    let mut cut = Vec::new();
    for tool in &tools {
        let name = tool.name.to_string();
        if FILE_CONTENTS.contains(&name.as_str()) {
            continue;
        }
        let cases = calls
            .remove(name.as_str())
            .unwrap_or_else(|| panic!("{name}: add a call that makes its answer large"));
        for (i, mut arguments) in cases.into_iter().enumerate() {
            if arguments.get("fields") == Some(&Value::Null) {
                arguments.as_object_mut().unwrap().remove("fields");
            }
            let result = server.call(&name, arguments).await;
            let case = format!("large #{i}");
            let answer = check(&mut c, &name, &case, &result);
            if answer.contains_key("truncated") {
                cut.push(name.clone());
            }
            if name == "bulk_update_issues" {
                let results = answer["results"].as_array().unwrap();
                assert_eq!(
                    Some(results.len() as u64),
                    answer["summary"]["total"].as_u64(),
                    "every outcome is kept: {answer:?}"
                );
            }
        }
    }
    server.stop().await;
    assert!(
        calls.is_empty(),
        "calls for tools not listed: {:?}",
        calls.keys()
    );
    let not_cut: Vec<&str> = MUST_BE_CUT
        .iter()
        .copied()
        .filter(|tool| !cut.iter().any(|c| c == tool))
        .collect();
    assert!(
        not_cut.is_empty(),
        "answers expected to be cut: {not_cut:?}"
    );
    assert!(
        c.failures().is_empty(),
        "cut answers that break their output schema:\n{}",
        c.failures().join("\n")
    );
}

/// A bulk update of 100 issues at the smallest budget reports every outcome,
/// each compacted to its issue and outcome.
#[tokio::test]
async fn a_bulk_update_of_100_issues_keeps_every_outcome_at_the_smallest_budget() {
    let backlog = FakeBacklog::start(Space::generated(1, 120)).await;
    let server = start(
        ServerEnv::space(&backlog.base_url(), backlog.api_key())
            .var("BACKLOG_MAX_TOKENS", &MIN_MAX_TOKENS.to_string()),
    )
    .await;
    let keys: Vec<String> = (1..=100).map(|n| format!("GEN1-{n}")).collect();
    let result = server
        .call(
            "bulk_update_issues",
            json!({"issueKeys": keys, "assigneeId": "me", "dueDate": "2031-01-31",
                   "comment": "Taking these over while Taro is away; ping me with questions."}),
        )
        .await;
    let shown = text(&result);
    assert!(estimate_tokens(&shown) <= MIN_MAX_TOKENS, "{shown}");
    let answer = structured(&result);
    let results = answer["results"].as_array().unwrap();
    let reported: Vec<&str> = results
        .iter()
        .map(|r| r["issue"].as_str().unwrap())
        .collect();
    assert_eq!(reported, keys);
    assert!(results.iter().all(|r| r["outcome"] == "updated"), "{shown}");
    assert_eq!(answer["summary"]["updated"], 100);
    let message = answer["truncated"]["message"].as_str().unwrap();
    assert!(
        message.contains("results[].changes left out of every item"),
        "{message}"
    );
    server.stop().await;
}

#[tokio::test]
async fn a_budget_under_the_minimum_is_refused_at_start_naming_the_minimum() {
    let env = ServerEnv::demo().var("BACKLOG_MAX_TOKENS", &(MIN_MAX_TOKENS - 1).to_string());
    let output = env.command().output().await.unwrap();
    assert!(!output.status.success());
    assert!(output.stdout.is_empty(), "nothing but JSON on stdout");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "BACKLOG_MAX_TOKENS must be at least {MIN_MAX_TOKENS} (got {})",
            MIN_MAX_TOKENS - 1
        )),
        "{stderr}"
    );
}

/// A text file is cut to the budget with a note; base64 asked for as text is
/// refused when it would not fit; images and binaries stay files.
#[tokio::test]
async fn a_text_attachment_is_cut_to_the_budget_and_base64_refused_over_it() {
    use rmcp::model::ResourceContents;
    let backlog = FakeBacklog::start(Space::demo()).await;
    let file = backlog
        .space()
        .add_attachment("WEB-5", "server.log", log().into_bytes());
    let env = ServerEnv::space(&backlog.base_url(), backlog.api_key())
        .var("BACKLOG_MAX_TOKENS", &MIN_MAX_TOKENS.to_string());
    let server = start(env).await;
    let result = server
        .call(
            "get_issue_attachment",
            json!({"issueKey": "WEB-5", "attachmentId": file.id}),
        )
        .await;
    assert_ne!(result.is_error, Some(true), "{}", text(&result));
    let about: Value = serde_json::from_str(&text(&result)).unwrap();
    let shown = result
        .content
        .iter()
        .find_map(|c| match &c.as_resource()?.resource {
            ResourceContents::TextResourceContents { text, .. } => Some(text.clone()),
            _ => None,
        })
        .unwrap();
    let total = estimate_tokens(&shown) + estimate_tokens(&text(&result));
    assert!(total <= MIN_MAX_TOKENS, "{total} tokens");
    assert!(log().starts_with(&shown) && !shown.is_empty());
    assert_eq!(about["shownCharacters"], shown.chars().count());
    assert!(
        about["note"]
            .as_str()
            .unwrap()
            .contains("BACKLOG_MAX_TOKENS")
    );
    let refusal = server
        .call(
            "get_issue_attachment",
            json!({"issueKey": "WEB-5", "attachmentId": file.id, "format": "base64"}),
        )
        .await;
    assert_eq!(refusal.is_error, Some(true));
    assert!(text(&refusal).contains("omit format"), "{}", text(&refusal));
    server.stop().await;
}
