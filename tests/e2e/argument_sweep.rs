//! Every parameter of every tool, fed values a model or a confused client may
//! send: wrong types, out-of-range numbers, impossible dates, path tricks, a
//! long CJK string. Each call must come back as a tool result (an `isError`
//! result that names the problem, or a valid answer that matches the output
//! schema), never a protocol error or a crash, and the server must keep serving.
//! Each value is sent alone, and beside valid values of the tool's other
//! identifying parameters, where the error must blame the awkward one.

use crate::output_schemas::Conformance;
use crate::support::{Running, SECRET_KEY, ServerEnv, excerpt, start, structured, text};
use fake_backlog::{Bucket, FakeBacklog, Model};
use rmcp::model::{CallToolRequestParams, Tool};
use serde_json::{Map, Value, json};
use std::time::Duration;

fn awkward_values() -> Vec<Value> {
    vec![
        Value::Null,
        json!(true),
        json!(-1),
        json!(0),
        json!(9_007_199_254_740_993_u64),
        json!(1.5),
        json!(-1e308),
        json!(""),
        json!("   "),
        json!("../../projects/WEB"),
        json!("2024-02-30"),
        json!("WEB-0"),
        json!("課題".repeat(2_000)),
        json!([]),
        json!([null, -3, "", {}]),
        json!({"id": "x"}),
    ]
}

/// Valid values for the parameters that identify what a tool works on or
/// that it requires: of the right type everywhere, and existing in the demo
/// space (in the fake Backlog some ids are unknown, which is a clear error too).
pub fn valid_value(parameter: &str) -> Option<Value> {
    Some(match parameter {
        "issueKey" | "issue_key" | "issueIdOrKey" => json!("WEB-5"),
        "projectKey" | "projectId" => json!("WEB"),
        "userId" => json!("me"),
        "summary" | "name" | "content" | "note" => json!("Sweep"),
        "key" => json!("SWEEP"),
        "issueTypeId" => json!("Bug"),
        "targetIssueId" | "relatedIssueId" => json!("WEB-3"),
        "commentId" => json!(9001),
        "watchId" => json!(7001),
        "attachmentId" => json!(8001),
        _ => return None,
    })
}

/// Valid values for a tool's identifying parameters (see [`valid_value`]),
/// in a list where the parameter takes one.
pub fn baseline(properties: &Map<String, Value>) -> Map<String, Value> {
    properties
        .iter()
        .filter_map(|(name, schema)| {
            let value = valid_value(name)?;
            let list = schema.get("type") == Some(&json!("array"));
            Some((name.clone(), if list { json!([value]) } else { value }))
        })
        .collect()
}

/// A call of `tool` for the end-to-end checks that have no case of their own
/// for it: its identifying parameters' valid values (see [`baseline`]), a
/// project by key alone.
pub fn default_arguments(tool: &Tool) -> Map<String, Value> {
    let properties = tool
        .input_schema
        .get("properties")
        .and_then(Value::as_object);
    let mut arguments = properties.map(baseline).unwrap_or_default();
    if arguments.contains_key("projectKey") {
        arguments.remove("projectId");
    }
    arguments
}

/// `projectId` of "invalid argument `projectId[0]`: …".
fn named_parameter(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("invalid argument `")?;
    let end = rest.find(['`', '[', '.'])?;
    rest.get(..end)
}

struct Sweep {
    server: Running,
    conformance: Conformance,
    calls: usize,
    problems: Vec<String>,
}

impl Sweep {
    async fn call(&mut self, tool: &Tool, arguments: Map<String, Value>, awkward: &str) {
        let case = format!(
            "{awkward} = {} with {:?}",
            excerpt(&arguments[awkward]),
            arguments.keys().collect::<Vec<_>>()
        );
        self.calls += 1;
        let request =
            CallToolRequestParams::new(tool.name.clone()).with_arguments(arguments.clone());
        let result = match self.server.client.call_tool(request).await {
            Ok(result) => result,
            Err(error) => {
                let problem = format!("{} ({case}): protocol error {error}", tool.name);
                self.problems.push(problem);
                return;
            }
        };
        let message = text(&result);
        // An error or a note quotes a long value in part, never whole.
        let note = result
            .structured_content
            .as_ref()
            .and_then(|c| c.get("note"))
            .map(Value::to_string)
            .unwrap_or_default();
        let quoted = if result.is_error == Some(true) {
            &message
        } else {
            &note
        };
        if quoted.contains(&"課題".repeat(200)) {
            let problem = format!("{} ({case}): echoes the whole long value", tool.name);
            self.problems.push(problem);
        }
        if result.is_error == Some(true) {
            let vague = message.trim().is_empty()
                || message.contains("untagged enum")
                || message.contains("invalid argument `arguments`");
            if vague {
                let problem = format!("{} ({case}): vague error {message:?}", tool.name);
                self.problems.push(problem);
            }
            // Blaming a parameter that was given a valid value is wrong.
            if let Some(named) = named_parameter(&message)
                && named != awkward
                && arguments.contains_key(named)
                && !message.contains(awkward)
            {
                let problem = format!("{} ({case}): blames `{named}`: {message:?}", tool.name);
                self.problems.push(problem);
            }
        }
        self.conformance
            .check_unless_error(&tool.name, &case, &result);
    }
}

#[tokio::test]
async fn every_parameter_survives_awkward_values() {
    sweep_every_parameter(ServerEnv::demo()).await;
}

/// The same over HTTP: what the adapter sends for awkward values (a 4,000-byte
/// keyword, ids beyond 2^53) and how it reads Backlog's refusals.
#[tokio::test]
async fn every_parameter_survives_awkward_values_over_http() {
    let backlog = FakeBacklog::start(Model::demo().with_api_key(SECRET_KEY)).await;
    // Thousands of calls: Backlog's per-minute budgets would pace them for minutes.
    for bucket in [Bucket::Read, Bucket::Update, Bucket::Search] {
        backlog
            .faults()
            .set_rate_limit(bucket, 1_000_000, Duration::from_secs(60));
    }
    let env = ServerEnv::space(&backlog.base_url(), backlog.api_key())
        .var("BACKLOG_RETRY_BASE_MS", "1")
        .var("BACKLOG_RETRY_MAX_MS", "2");
    let stderr = sweep_every_parameter(env).await;
    assert!(!stderr.contains(SECRET_KEY));
}

/// Runs the sweep and returns the server's stderr.
async fn sweep_every_parameter(env: ServerEnv) -> String {
    let server = start(env).await;
    let tools = server.client.list_all_tools().await.unwrap();
    let mut sweep = Sweep {
        server,
        conformance: Conformance::new(tools.clone()),
        calls: 0,
        problems: Vec::new(),
    };
    for tool in &tools {
        let Some(Value::Object(properties)) = tool.input_schema.get("properties") else {
            continue;
        };
        let baseline = baseline(properties);
        for parameter in properties.keys() {
            for value in awkward_values() {
                let alone = Map::from_iter([(parameter.clone(), value.clone())]);
                sweep.call(tool, alone, parameter).await;
                let mut beside_valid = baseline.clone();
                beside_valid.insert(parameter.clone(), value);
                sweep.call(tool, beside_valid, parameter).await;
            }
        }
    }
    assert!(sweep.calls > 4_000, "only {} calls", sweep.calls);

    let still_serving = structured(&sweep.server.call("get_space", json!({})).await);
    assert!(still_serving.contains_key("name"), "{still_serving:?}");
    let stderr = sweep.server.stop().await;
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(sweep.problems.is_empty(), "{}", sweep.problems.join("\n"));
    let failures = sweep.conformance.failures();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    stderr
}
