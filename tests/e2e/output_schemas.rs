//! Every tool's `structuredContent` must validate against the `outputSchema`
//! it advertises in `tools/list`: MCP clients such as the TypeScript SDK (used
//! by Claude Desktop, Claude Code, Cursor) reject a tool result that does not.
//! Each tool is called in demo mode with its default fields, with every field it
//! offers, and in the shapes that change an answer (empty, cut to the token
//! budget, partly failed); every answer is checked with a JSON Schema validator.

use crate::argument_sweep::default_arguments;
use crate::support::{Running, SECRET_KEY, ServerEnv, error_text, start, structured, text};
use backlog_mcp::app::tooling::MIN_MAX_TOKENS;
use fake_backlog::demo::{BOT, SMITH};
use fake_backlog::{FakeBacklog, Space};
use rmcp::model::{CallToolResult, Tool};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// The tools that answer with content blocks only (no output schema).
const UNSTRUCTURED: &[&str] = &["get_issue_attachment"];

/// The output schemas of `tools/list`, and what has been checked against them.
pub struct Conformance {
    schemas: BTreeMap<String, Tool>,
    checked: BTreeSet<String>,
    failures: Vec<String>,
}

impl Conformance {
    pub fn new(tools: Vec<Tool>) -> Self {
        Self {
            schemas: tools.into_iter().map(|t| (t.name.to_string(), t)).collect(),
            checked: BTreeSet::new(),
            failures: Vec::new(),
        }
    }

    /// Validates a successful answer of `tool` and returns its structured content.
    fn check(&mut self, tool: &str, case: &str, result: &CallToolResult) -> Map<String, Value> {
        let content = structured(result);
        self.validate(tool, case, &content);
        content
    }

    /// Validates the structured content of `tool`'s answer unless it is an error.
    pub fn check_unless_error(&mut self, tool: &str, case: &str, result: &CallToolResult) {
        if result.is_error != Some(true) && !UNSTRUCTURED.contains(&tool) {
            let content = structured(result);
            self.validate(tool, case, &content);
        }
    }

    fn validate(&mut self, tool: &str, case: &str, content: &Map<String, Value>) {
        let schema = self.schemas[tool]
            .output_schema
            .clone()
            .unwrap_or_else(|| panic!("{tool} has no output schema"));
        let validator = jsonschema::validator_for(&Value::Object((*schema).clone()))
            .unwrap_or_else(|e| panic!("{tool}: its output schema is not valid JSON Schema: {e}"));
        let instance = Value::Object(content.clone());
        for error in validator.iter_errors(&instance) {
            self.failures.push(format!(
                "{tool} ({case}): {error} at {}",
                error.instance_path()
            ));
        }
        self.checked.insert(tool.to_owned());
    }

    /// What failed validation so far, one line each.
    pub fn failures(&self) -> &[String] {
        &self.failures
    }

    /// Every field name a list tool's `fields` parameter offers.
    fn all_fields(&self, tool: &str) -> Option<Value> {
        let schema = &self.schemas[tool].input_schema;
        schema
            .get("properties")?
            .get("fields")?
            .pointer("/items/enum")
            .cloned()
    }
}

/// Calls each read with its default fields and then with every field it offers.
async fn check_reads(server: &Running, c: &mut Conformance, reads: &[(&str, Value)]) {
    for (tool, arguments) in reads {
        let result = server.call(tool, arguments.clone()).await;
        c.check(tool, "default fields", &result);
        if let Some(fields) = c.all_fields(tool) {
            let mut widened = arguments.clone();
            widened["fields"] = fields;
            let result = server.call(tool, widened).await;
            c.check(tool, "every field", &result);
        }
    }
}

fn id(content: &Map<String, Value>) -> i64 {
    content["id"].as_i64().expect("an answer with an id")
}

#[tokio::test]
async fn every_structured_answer_matches_its_output_schema() {
    let server = start(ServerEnv::demo()).await;
    let tools = server.client.list_all_tools().await.unwrap();
    let mut c = Conformance::new(tools);

    let reads: &[(&str, Value)] = &[
        ("get_space", json!({"timezone": "Asia/Tokyo"})),
        ("get_space_activities", json!({"count": 100})),
        (
            "get_space_activities",
            json!({"activityTypeId": [8, 12, 15, 18], "count": 100}),
        ),
        ("get_user_recent_updates", json!({"userId": "t.sato"})),
        ("get_project_list", json!({"all": true})),
        ("get_project", json!({"projectKey": "OPS"})),
        ("get_project_users", json!({"projectKey": "WEB"})),
        ("get_project_statuses", json!({"projectKey": "OPS"})),
        ("get_project_metadata", json!({"projectKey": "WEB"})),
        ("get_project_metadata", json!({"projectKey": "OPS"})),
        ("get_issue", json!({"issueKey": "WEB-1"})),
        (
            "get_issue",
            json!({"issueKey": "OPS-3", "timezone": "Asia/Tokyo"}),
        ),
        ("get_issues", json!({"count": 100})),
        ("get_issues", json!({"count": 100, "offset": 100})),
        ("get_issues", json!({"keyword": "no-such-word-anywhere"})),
        ("count_issues", json!({"statusId": ["Open", "In Progress"]})),
        (
            "get_issue_comments",
            json!({"issueKey": "WEB-1", "count": 100}),
        ),
        ("get_related_issues", json!({"issueKey": "WEB-1"})),
        ("get_priorities", json!({})),
        ("get_categories", json!({"projectKey": "WEB"})),
        ("get_custom_fields", json!({"projectKey": "WEB"})),
        ("get_issue_types", json!({"projectKey": "APP"})),
        ("get_resolutions", json!({})),
        ("get_watching_list_items", json!({"userId": "me"})),
        ("get_watching_list_count", json!({"userId": "me"})),
        (
            "get_version_milestone_list",
            json!({"projectKey": "WEB", "archived": true}),
        ),
        (
            "get_issue_details",
            json!({"issue_key": "WEB-5", "timezone": "Asia/Tokyo"}),
        ),
        ("get_issue_details", json!({"issue_key": "OPS-1"})),
        ("get_issue_details", json!({"issue_key": "APP-1"})),
        ("get_issue_details", json!({"issue_key": "WEB-20"})),
        ("get_user_issue_list", json!({})),
        (
            "get_user_issue_list",
            json!({"assignee_ids": [1002, 1003, 1004, 1005], "status_ids": [1, 2, 3, 4]}),
        ),
    ];
    check_reads(&server, &mut c, reads).await;

    // Writes, in an order that cleans up after itself.
    let project = c.check(
        "add_project",
        "new",
        &server
            .call("add_project", json!({"name": "Schema", "key": "SCHEMA"}))
            .await,
    );
    assert_eq!(project["projectKey"], "SCHEMA");
    c.check(
        "update_project",
        "rename",
        &server
            .call(
                "update_project",
                json!({"projectKey": "SCHEMA", "name": "Schema 2", "archived": true}),
            )
            .await,
    );

    let issue = c.check(
        "add_issue",
        "new",
        &server
            .call(
                "add_issue",
                json!({
                    "projectId": "WEB", "summary": "Schema check", "issueTypeId": "Bug",
                    "priorityId": "High", "assigneeId": "me", "categoryId": ["Frontend"],
                    "startDate": "2026-12-01", "dueDate": "2026-12-24",
                    "estimatedHours": 2.5, "parentIssueId": "WEB-1",
                    "description": "checking the output schema"
                }),
            )
            .await,
    );
    let key = issue["issueKey"].as_str().unwrap().to_owned();
    c.check(
        "update_issue",
        "status and clears",
        &server
            .call(
                "update_issue",
                json!({
                    "issueKey": key, "statusId": "In Progress", "assigneeId": "t.sato",
                    "categoryId": [], "dueDate": null, "actualHours": 1,
                    "comment": "moving on"
                }),
            )
            .await,
    );

    let comment = c.check(
        "add_issue_comment",
        "new",
        &server
            .call(
                "add_issue_comment",
                json!({"issueKey": key, "content": "first"}),
            )
            .await,
    );
    c.check(
        "update_issue_comment",
        "edit",
        &server
            .call(
                "update_issue_comment",
                json!({"issueKey": key, "commentId": id(&comment), "content": "edited"}),
            )
            .await,
    );

    c.check(
        "add_related_issue",
        "link",
        &server
            .call(
                "add_related_issue",
                json!({"issueKey": key, "targetIssueId": "WEB-3"}),
            )
            .await,
    );
    let related = server
        .call("get_related_issues", json!({"issueKey": key}))
        .await;
    let related = c.check("get_related_issues", "linked", &related);
    assert_eq!(related["count"], 1, "{related:?}");
    c.check(
        "remove_related_issue",
        "unlink",
        &server
            .call(
                "remove_related_issue",
                json!({"issueKey": key, "relatedIssueId": "WEB-3"}),
            )
            .await,
    );

    c.check(
        "add_category",
        "new",
        &server
            .call(
                "add_category",
                json!({"projectKey": "WEB", "name": "Schema"}),
            )
            .await,
    );

    let watch = c.check(
        "add_watching",
        "new",
        &server
            .call(
                "add_watching",
                json!({"issueIdOrKey": key, "note": "watch"}),
            )
            .await,
    );
    let watch_id = id(&watch);
    c.check(
        "update_watching",
        "note",
        &server
            .call(
                "update_watching",
                json!({"watchId": watch_id, "note": "still watching"}),
            )
            .await,
    );
    c.check(
        "mark_watching_as_read",
        "read",
        &server
            .call("mark_watching_as_read", json!({"watchId": watch_id}))
            .await,
    );
    c.check(
        "delete_watching",
        "delete",
        &server
            .call("delete_watching", json!({"watchId": watch_id}))
            .await,
    );

    let version = c.check(
        "add_version_milestone",
        "new",
        &server
            .call(
                "add_version_milestone",
                json!({
                    "projectKey": "WEB", "name": "Schema sprint",
                    "startDate": "2026-12-01", "releaseDueDate": "2026-12-14"
                }),
            )
            .await,
    );
    c.check(
        "update_version_milestone",
        "archive",
        &server
            .call(
                "update_version_milestone",
                json!({"projectKey": "WEB", "id": id(&version), "name": "Schema sprint", "archived": true}),
            )
            .await,
    );
    c.check(
        "delete_version",
        "delete",
        &server
            .call(
                "delete_version",
                json!({"projectKey": "WEB", "id": id(&version)}),
            )
            .await,
    );

    // Bulk: a plan, then a run with one issue that cannot be found.
    let bulk =
        json!({"issueKeys": [key, "WEB-2", "WEB-9999"], "statusId": "Resolved", "comment": "bulk"});
    let mut plan = bulk.clone();
    plan["dryRun"] = json!(true);
    c.check(
        "bulk_update_issues",
        "dry run",
        &server.call("bulk_update_issues", plan).await,
    );
    let run = c.check(
        "bulk_update_issues",
        "partial failure",
        &server.call("bulk_update_issues", bulk.clone()).await,
    );
    assert!(
        Value::Object(run.clone()).to_string().contains("WEB-9999"),
        "{run:?}"
    );
    c.check(
        "bulk_update_issues",
        "retry: unchanged",
        &server.call("bulk_update_issues", bulk).await,
    );

    c.check(
        "delete_issue",
        "delete",
        &server.call("delete_issue", json!({"issueKey": key})).await,
    );

    // Errors carry no structured content, so they need no schema.
    let missing = server
        .call("get_issue", json!({"issueKey": "WEB-9999"}))
        .await;
    error_text(&missing);
    assert!(missing.structured_content.is_none(), "{}", text(&missing));

    // A tool without a case above is called with its default arguments; one
    // they do not suit fails here, asking for a case.
    let by_default: Vec<(String, Value)> = c
        .schemas
        .values()
        .filter(|t| {
            !c.checked.contains(t.name.as_ref()) && !UNSTRUCTURED.contains(&t.name.as_ref())
        })
        .map(|t| (t.name.to_string(), Value::Object(default_arguments(t))))
        .collect();
    for (tool, arguments) in &by_default {
        check_reads(&server, &mut c, &[(tool.as_str(), arguments.clone())]).await;
    }

    server.stop().await;

    let unchecked: Vec<_> = c
        .schemas
        .keys()
        .filter(|name| !c.checked.contains(*name) && !UNSTRUCTURED.contains(&name.as_str()))
        .collect();
    assert!(
        unchecked.is_empty(),
        "tools with no conformance case: {unchecked:?}"
    );
    assert!(
        c.failures.is_empty(),
        "answers that break their output schema:\n{}",
        c.failures.join("\n")
    );
}

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
    let log = "エラー: 接続がタイムアウトしました (db-01:5432)\n".repeat(2_000);
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

/// Real Backlog answers hold what the demo space does not: users without a
/// login id, archived projects, long comment threads, wiki and git activities.
/// The independent fake Backlog serves them over HTTP.
#[tokio::test]
async fn answers_built_from_backlog_json_match_their_output_schema() {
    let backlog = FakeBacklog::start(Space::demo().with_api_key(SECRET_KEY)).await;
    let server = start(ServerEnv::space(&backlog.base_url(), backlog.api_key())).await;
    let tools = server.client.list_all_tools().await.unwrap();
    let mut c = Conformance::new(tools);
    let reads: &[(&str, Value)] = &[
        ("get_space", json!({})),
        ("get_space_activities", json!({"count": 100})),
        ("get_users", json!({})),
        ("get_user_stars_count", json!({"userId": SMITH})),
        ("get_myself", json!({"timezone": "Asia/Tokyo"})),
        ("get_user_recent_updates", json!({"userId": BOT})),
        ("get_user_recent_updates", json!({"userId": "me"})),
        ("get_project_list", json!({"all": true})),
        ("get_project", json!({"projectKey": "OLD"})),
        ("get_project_users", json!({"projectKey": "WEB"})),
        ("get_project_statuses", json!({"projectKey": "WEB"})),
        ("get_project_metadata", json!({"projectKey": "WEB"})),
        ("get_project_metadata", json!({"projectKey": "APP"})),
        ("get_issue", json!({"issueKey": "WEB-1"})),
        ("get_issues", json!({"count": 100})),
        ("count_issues", json!({"projectId": ["WEB", "APP"]})),
        (
            "get_issue_comments",
            json!({"issueKey": "WEB-1", "count": 100}),
        ),
        ("get_related_issues", json!({"issueKey": "WEB-2"})),
        ("get_priorities", json!({})),
        ("get_categories", json!({"projectKey": "WEB"})),
        ("get_custom_fields", json!({"projectKey": "WEB"})),
        ("get_issue_types", json!({"projectKey": "WEB"})),
        ("get_resolutions", json!({})),
        ("get_watching_list_items", json!({"userId": "me"})),
        ("get_watching_list_count", json!({"userId": "me"})),
        (
            "get_version_milestone_list",
            json!({"projectKey": "WEB", "archived": true}),
        ),
        ("get_issue_details", json!({"issue_key": "WEB-1"})),
        ("get_user_issue_list", json!({"status_ids": [1, 2, 3, 4]})),
    ];
    check_reads(&server, &mut c, reads).await;
    backlog_facts_arrive(&server).await;
    server.stop().await;
    assert!(
        c.failures.is_empty(),
        "answers that break their output schema:\n{}",
        c.failures.join("\n")
    );
}

/// What the fake Backlog sends beyond the basics reaches the answers: shared
/// files, custom field limits and defaults, archived milestones, and
/// activities with their pull request, file and status names.
async fn backlog_facts_arrive(server: &Running) {
    let issue = structured(&server.call("get_issue", json!({"issueKey": "WEB-1"})).await);
    let paths: Vec<&str> = issue["sharedFiles"]
        .as_array()
        .expect("WEB-1 links shared files")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert_eq!(
        paths,
        ["/design/top-page-v3.fig", "/specs/ログイン/画面遷移.pdf"]
    );

    let metadata = structured(
        &server
            .call("get_project_metadata", json!({"projectKey": "WEB"}))
            .await,
    );
    let fields = metadata["customFields"].as_array().unwrap();
    let points = fields.iter().find(|f| f["name"] == "Story points").unwrap();
    assert_eq!(
        (&points["min"], &points["max"]),
        (&json!(0.0), &json!(100.0))
    );
    assert!(
        points.get("initialValue").is_none(),
        "null stays unknown: {points}"
    );
    let target = fields.iter().find(|f| f["name"] == "Target date").unwrap();
    assert_eq!(target["initialDate"], "today+14 days");
    assert!(
        metadata["versions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["archived"] == true),
        "archived milestones are listed: {}",
        metadata["versions"]
    );

    let feed = structured(
        &server
            .call("get_space_activities", json!({"count": 100}))
            .await,
    );
    let activities = feed["activities"].as_array().unwrap();
    let pull_request = activities
        .iter()
        .find(|a| a["type"] == "PullRequestAdded")
        .unwrap();
    assert_eq!(
        (
            &pull_request["pullRequest"],
            &pull_request["repository"],
            &pull_request["issueKey"]
        ),
        (&json!(17), &json!("web-frontend"), &json!("WEB-2"))
    );
    let file = activities
        .iter()
        .find(|a| a["type"] == "FileAdded")
        .unwrap();
    assert_eq!(
        (&file["directory"], &file["size"]),
        (&json!("/specs/ログイン/"), &json!(30213))
    );
    // The fake's feed records status changes by id, like Backlog's.
    let status = activities
        .iter()
        .flat_map(|a| a["changes"].as_array().into_iter().flatten())
        .find(|c| c["field"] == "status")
        .unwrap();
    assert!(
        status["to"].as_str().unwrap().parse::<i64>().is_err(),
        "status by name: {status}"
    );
}
