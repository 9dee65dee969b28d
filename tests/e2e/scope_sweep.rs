//! The project allow-list against every tool: each parameter that can name a
//! project, an issue, a watch-list entry or someone's issues gets a value from
//! outside the allowed projects (a key, an id, the id as a string, lowercase,
//! a name), alone and beside valid values, and the fake Backlog's request log
//! must show that nothing outside was asked for or changed.
//!
//! With `BACKLOG_ALLOWED_PROJECTS=WEB`, a request is out of scope when it names
//! APP (its key or id) or one of its issues in its path or parameters, searches
//! issues without narrowing them to WEB, or reads the whole space's activities.
//! Two reads are allowed because Backlog cannot narrow them and the server
//! filters them before answering: a user's activities and watch list. One read
//! is allowed with a refusal that says so: the watch-list entry named by
//! `watchId`, the only way to learn its issue's project.
//!
//! Parameters are classified by their name in `tools/list` (the shared argument
//! types keep one name per thing named): a parameter that is neither swept nor
//! known to name nothing outside fails the test, and a tool with nothing to
//! sweep is called as it is and checked the same way, so a new tool needs no
//! case here unless it brings a new parameter name.

mod parameters;

use crate::argument_sweep::baseline;
use crate::support::{SECRET_KEY, ServerEnv, excerpt, start, text};
use fake_backlog::seed::{APP, SATO, WATCHING_APP_1 as WATCHING_APP, WEB};
use fake_backlog::{Bucket, FakeBacklog, Model, RecordedRequest};
use rmcp::model::{CallToolRequestParams, Tool};
use serde_json::{Map, Value, json};
use std::collections::BTreeSet;
use std::time::Duration;

/// Tools refused outright while an allow-list is set.
const REFUSED_WHILE_RESTRICTED: [&str; 1] = ["add_project"];

/// What the out-of-scope project and its issues look like.
struct Outside {
    key: String,
    name: String,
    issue_keys: Vec<String>,
    issue_ids: Vec<i64>,
    summaries: Vec<String>,
    /// Every token that names APP or one of its issues, upper-cased.
    tokens: BTreeSet<String>,
}

impl Outside {
    fn read(backlog: &FakeBacklog) -> Self {
        let (key, name) = backlog
            .model()
            .inspect(|s| {
                s.projects
                    .iter()
                    .find(|p| p.project.id.get() == APP)
                    .map(|p| (p.project.key.to_string(), p.project.name.clone()))
            })
            .unwrap();
        let issues: Vec<(i64, u64, String)> = backlog.model().inspect(|s| {
            s.issues
                .iter()
                .filter(|i| i.project_id.get() == APP)
                .map(|i| (i.id.get(), i.key.number(), i.summary.clone()))
                .collect()
        });
        let issue_keys: Vec<String> = issues
            .iter()
            .map(|(_, n, _)| format!("{key}-{n}"))
            .collect();
        let issue_ids: Vec<i64> = issues.iter().map(|(id, _, _)| *id).collect();
        let mut tokens: BTreeSet<String> = issue_keys.iter().cloned().collect();
        tokens.extend(issue_ids.iter().map(i64::to_string));
        tokens.insert(key.clone());
        tokens.insert(APP.to_string());
        Self {
            summaries: issues
                .into_iter()
                .map(|(_, _, s)| s)
                .filter(|s| s.chars().count() >= 8)
                .collect(),
            key,
            name,
            issue_keys,
            issue_ids,
            tokens,
        }
    }

    fn project_values(&self) -> Vec<Value> {
        vec![
            json!(self.key),
            json!(APP),
            json!(APP.to_string()),
            json!(self.key.to_lowercase()),
            json!(self.name),
        ]
    }

    fn issue_values(&self) -> Vec<Value> {
        let key = &self.issue_keys[1];
        let id = self.issue_ids[1];
        vec![
            json!(key),
            json!(id),
            json!(id.to_string()),
            json!(key.to_lowercase()),
        ]
    }

    /// Whether the request reads or changes something outside WEB.
    fn violated_by(&self, request: &RecordedRequest) -> Option<String> {
        let path = request.path.trim_start_matches("/api/v2");
        let described = format!("{} {}?{}", request.method, request.path, request.raw_query);
        if request.method == "GET" && (path == "/issues" || path == "/issues/count") {
            let projects = request.query_values("projectId[]");
            let narrowed = !projects.is_empty() && projects.iter().all(|p| *p == WEB.to_string());
            return (!narrowed).then_some(format!("{described}: issues not narrowed to WEB"));
        }
        if path == "/space/activities" {
            return Some(format!("{described}: every project's activities"));
        }
        let watching = format!("/watchings/{WATCHING_APP}");
        if request.method == "GET" && path == watching {
            return None;
        }
        if path.starts_with(&watching) {
            return Some(format!("{described}: changes APP's watching"));
        }
        // Keys and ids are ASCII: the raw path needs no decoding.
        let segments = path.split('/').map(str::to_uppercase).collect::<Vec<_>>();
        let values = request
            .query
            .iter()
            .chain(request.form.iter())
            .map(|(_, v)| v.to_uppercase());
        segments
            .into_iter()
            .chain(values)
            .find(|token| self.tokens.contains(token))
            .map(|token| format!("{described}: names {token}"))
    }

    fn leaks_into(&self, answer: &str) -> Option<&str> {
        self.summaries
            .iter()
            .find(|s| answer.contains(s.as_str()))
            .map(String::as_str)
    }
}

/// The out-of-scope values a parameter gets, and whether a success is
/// acceptable (a filter narrowed to WEB may answer; a named thing may not).
fn cases(parameter: &str, outside: &Outside) -> Vec<(Value, bool)> {
    let refuse = |values: Vec<Value>| values.into_iter().map(|v| (v, false)).collect();
    match parameter {
        "projectId" | "projectKey" | "project_ids" => refuse(outside.project_values()),
        "issueId" | "issueKey" | "issue_key" | "issueIdOrKey" | "targetIssueId"
        | "relatedIssueId" | "issueKeys" => refuse(outside.issue_values()),
        // Filters by parent: keys are refused; an id is a condition inside WEB.
        "parentIssueId" | "parent_issue_ids" => outside
            .issue_values()
            .into_iter()
            .map(|v| {
                let narrowed_filter =
                    v.is_number() || v.as_str().is_some_and(|s| s.parse::<i64>().is_ok());
                (v, narrowed_filter)
            })
            .collect(),
        "watchId" => vec![(json!(WATCHING_APP), false)],
        // Someone else's issues, watch list or activities: narrowed, not refused.
        "userId" | "assigneeId" | "assignee_ids" | "createdUserId" => {
            vec![(json!(SATO), true), (json!("t.sato"), true)]
        }
        "filter" => outside
            .project_values()
            .into_iter()
            .map(|v| (json!({"projectId": [v]}), false))
            .chain([(json!({"statusId": ["Open"]}), true)])
            .collect(),
        _ => Vec::new(),
    }
}

#[tokio::test]
async fn nothing_outside_the_allowed_projects_is_read_or_changed() {
    let backlog = FakeBacklog::start(Model::demo().with_api_key(SECRET_KEY)).await;
    for bucket in [Bucket::Read, Bucket::Update, Bucket::Search] {
        backlog
            .faults()
            .set_rate_limit(bucket, 1_000_000, Duration::from_secs(60));
    }
    let outside = Outside::read(&backlog);
    let app_before = app_state(&backlog);
    let env = ServerEnv::space(&backlog.base_url(), backlog.api_key())
        .var("BACKLOG_ALLOWED_PROJECTS", "WEB")
        .var("BACKLOG_RETRY_BASE_MS", "1")
        .var("BACKLOG_RETRY_MAX_MS", "2");
    let server = start(env).await;
    let tools: Vec<Tool> = server.client.list_all_tools().await.unwrap();
    let mut problems = Vec::new();
    let mut calls = 0;
    for tool in &tools {
        let Some(Value::Object(properties)) = tool.input_schema.get("properties") else {
            continue;
        };
        let baseline = baseline(properties);
        let mut swept = false;
        for parameter in properties.keys() {
            if cases(parameter, &outside).is_empty()
                && !parameters::names_nothing_outside(parameter, properties)
            {
                problems.push(format!(
                    "{} {parameter}: the sweep does not know what it names; give it a case in `cases` or list it in NAMES_NOTHING_OUTSIDE",
                    tool.name
                ));
            }
        }
        for (parameter, schema) in properties {
            let list = schema.get("type") == Some(&json!("array"));
            for (value, may_answer) in cases(parameter, &outside) {
                swept = true;
                let value = if list { json!([value]) } else { value };
                let alone = Map::from_iter([(parameter.clone(), value.clone())]);
                let mut beside_valid = baseline.clone();
                beside_valid.insert(parameter.clone(), value.clone());
                // The id of an id/key pair wins; give the out-of-scope key alone.
                if parameter == "projectKey" {
                    beside_valid.remove("projectId");
                }
                if parameter == "issueKey" {
                    beside_valid.remove("issueId");
                }
                for arguments in [alone, beside_valid] {
                    calls += 1;
                    let case = format!("{} {parameter} = {}", tool.name, excerpt(&value));
                    backlog.clear_requests();
                    let request =
                        CallToolRequestParams::new(tool.name.clone()).with_arguments(arguments);
                    let result = match server.client.call_tool(request).await {
                        Ok(result) => result,
                        Err(error) => {
                            problems.push(format!("{case}: protocol error {error}"));
                            continue;
                        }
                    };
                    let answer = format!(
                        "{} {}",
                        text(&result),
                        result
                            .structured_content
                            .as_ref()
                            .map(Value::to_string)
                            .unwrap_or_default()
                    );
                    for request in backlog.requests() {
                        if let Some(violation) = outside.violated_by(&request) {
                            problems.push(format!("{case}: {violation}"));
                        }
                    }
                    if let Some(leak) = outside.leaks_into(&answer) {
                        problems.push(format!("{case}: the answer shows APP's {leak:?}"));
                    }
                    let refused = result.is_error == Some(true) || every_item_refused(&result);
                    if !refused && !may_answer {
                        problems.push(format!(
                            "{case}: answered instead of refusing: {answer:.300}"
                        ));
                    }
                    if !refused && answer.contains(&format!("\"issueKey\":\"{}-", outside.key)) {
                        problems.push(format!("{case}: the answer lists APP issues"));
                    }
                    let read_watching = backlog
                        .requests()
                        .iter()
                        .any(|r| r.path.ends_with(&format!("/watchings/{WATCHING_APP}")));
                    if read_watching && !answer.contains("it was read to learn its issue's project")
                    {
                        problems.push(format!(
                            "{case}: read APP's watching without saying so: {answer:.300}"
                        ));
                    }
                }
            }
        }
        if REFUSED_WHILE_RESTRICTED.contains(&tool.name.as_ref()) {
            swept = true;
            backlog.clear_requests();
            let request =
                CallToolRequestParams::new(tool.name.clone()).with_arguments(baseline.clone());
            let result = server.client.call_tool(request).await.unwrap();
            if result.is_error != Some(true) || backlog.total_requests() > 0 {
                problems.push(format!(
                    "{}: not refused before any request: {}",
                    tool.name,
                    text(&result)
                ));
            }
        }
        if !swept {
            // Nothing to sweep: called as it is, it must answer and stay inside all
            // the same (the space's activities and projects narrowed, nothing of
            // APP shown). An error would check nothing (add_project, refused, is
            // swept above).
            calls += 1;
            backlog.clear_requests();
            let request =
                CallToolRequestParams::new(tool.name.clone()).with_arguments(baseline.clone());
            let result = server.client.call_tool(request).await.unwrap();
            if result.is_error == Some(true) {
                problems.push(format!(
                    "{}: failed instead of answering: {:.300}",
                    tool.name,
                    text(&result)
                ));
            }
            for request in backlog.requests() {
                if let Some(violation) = outside.violated_by(&request) {
                    problems.push(format!("{}: {violation}", tool.name));
                }
            }
            let answer = text(&result);
            if answer.contains(&format!("\"{}\"", outside.key))
                || outside.leaks_into(&answer).is_some()
            {
                problems.push(format!("{}: shows APP: {answer:.300}", tool.name));
            }
        }
    }
    assert!(calls > 150, "only {calls} calls");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(app_state(&backlog), app_before, "APP was changed");
    let stderr = server.stop().await;
    assert!(!stderr.contains(SECRET_KEY));
}

/// A per-issue answer (bulk_update_issues) where every item was refused by the
/// allow-list, which failures do not hide the other items' outcomes for.
fn every_item_refused(result: &rmcp::model::CallToolResult) -> bool {
    let Some(items) = result
        .structured_content
        .as_ref()
        .and_then(|c| c.get("results"))
        .and_then(Value::as_array)
    else {
        return false;
    };
    !items.is_empty()
        && items.iter().all(|item| {
            item["outcome"] == "failed"
                && item["reason"]
                    .as_str()
                    .is_some_and(|r| r.contains("outside the projects this server may touch"))
        })
}

/// Everything APP owns in the fake space, for a before/after comparison.
fn app_state(backlog: &FakeBacklog) -> String {
    backlog.model().inspect(|s| {
        let ids: BTreeSet<_> = s
            .issues
            .iter()
            .filter(|i| i.project_id.get() == APP)
            .map(|i| i.id)
            .collect();
        format!(
            "{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
            s.projects.iter().find(|p| p.project.id.get() == APP),
            s.issues
                .iter()
                .filter(|i| ids.contains(&i.id))
                .collect::<Vec<_>>(),
            ids.iter().map(|id| s.comments.get(id)).collect::<Vec<_>>(),
            s.watchings
                .iter()
                .filter(|w| ids.contains(&w.issue))
                .collect::<Vec<_>>(),
            s.related
                .iter()
                .filter(|(a, b)| ids.contains(a) || ids.contains(b))
                .collect::<Vec<_>>(),
        )
    })
}
