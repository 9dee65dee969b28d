//! The token budget holds for every tool: at the smallest budget the server
//! accepts, every tool listed in `tools/list` is called with arguments that
//! make its answer large (a pasted log in every free text, long lists, every
//! field), and every answer is within the budget, keeps its identity whole
//! (a cut marker only ever ends a free text) and still matches its output
//! schema.

mod large_answers;

use crate::output_schemas::Conformance;
use crate::support::{ServerEnv, start, structured, text};
use backlog_mcp::app::tooling::{MIN_MAX_TOKENS, estimate_tokens};
use fake_backlog::{FakeBacklog, Model};
use large_answers::{large_by_default, large_calls, make_it_large};
use serde_json::{Map, Value, json};

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
pub fn log() -> String {
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
    let offered = Conformance::new(tools.clone());
    let all_fields = |tool: &str| offered.all_fields(tool).unwrap_or(Value::Null);
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
            .unwrap_or_else(|| vec![large_by_default(tool, &all_fields)]);
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
    let backlog = FakeBacklog::start(Model::generated(1, 120)).await;
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
    let backlog = FakeBacklog::start(Model::demo()).await;
    let file = backlog
        .model()
        .modify(|space| space.attach("WEB-5", "server.log", None, log().into_bytes()))
        .unwrap();
    let env = ServerEnv::space(&backlog.base_url(), backlog.api_key())
        .var("BACKLOG_MAX_TOKENS", &MIN_MAX_TOKENS.to_string());
    let server = start(env).await;
    let result = server
        .call(
            "get_issue_attachment",
            json!({"issueKey": "WEB-5", "attachmentId": file.id.get()}),
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
            json!({"issueKey": "WEB-5", "attachmentId": file.id.get(), "format": "base64"}),
        )
        .await;
    assert_eq!(refusal.is_error, Some(true));
    assert!(text(&refusal).contains("omit format"), "{}", text(&refusal));
    server.stop().await;
}
