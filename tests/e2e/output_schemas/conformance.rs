//! Checking answers against the output schemas `tools/list` advertises.

use crate::support::{Running, structured};
use rmcp::model::{CallToolResult, Tool};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The tools that answer with content blocks only (no output schema).
pub const UNSTRUCTURED: &[&str] = &["get_issue_attachment"];

/// The output schemas of `tools/list`, and what has been checked against them.
pub struct Conformance {
    pub schemas: BTreeMap<String, Tool>,
    pub checked: BTreeSet<String>,
    pub failures: Vec<String>,
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
    pub fn check(&mut self, tool: &str, case: &str, result: &CallToolResult) -> Map<String, Value> {
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

    pub fn validate(&mut self, tool: &str, case: &str, content: &Map<String, Value>) {
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
    pub fn all_fields(&self, tool: &str) -> Option<Value> {
        self.schemas
            .get(tool)?
            .input_schema
            .get("properties")?
            .get("fields")?
            .pointer("/items/enum")
            .cloned()
    }
}

/// Calls each read with its default fields and then with every field it offers.
pub async fn check_reads(server: &Running, c: &mut Conformance, reads: &[(&str, Value)]) {
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

pub fn id(content: &Map<String, Value>) -> i64 {
    content["id"].as_i64().expect("an answer with an id")
}
