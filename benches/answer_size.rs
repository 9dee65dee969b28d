//! Answer sizes: bytes per issue of a 100-issue `get_issues` answer (target
//! ≤ 400; the official server sends about 3,000 per issue), and the size of
//! `tools/list`. Run with `cargo bench --bench answer_size`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::indexing_slicing,
    clippy::cast_precision_loss
)]

mod support;

use fake_backlog::{FakeBacklog, Model};
use serde_json::{Value, json};
use support::StdioServer;

fn text_of(answer: &Value) -> String {
    answer["result"]["content"][0]["text"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

fn main() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let backlog = runtime.block_on(FakeBacklog::start(Model::generated(1, 500)));
    let project = backlog.model().inspect(|s| s.projects[0].project.id.get());
    let mut server = StdioServer::ours(&[
        ("BACKLOG_BASE_URL", &backlog.base_url()),
        ("BACKLOG_API_KEY", backlog.api_key()),
    ]);
    let (answer, wire_bytes, _) =
        server.call("get_issues", json!({"projectId": [project], "count": 100}));
    let text = text_of(&answer);
    let issues = answer["result"]["structuredContent"]["issues"]
        .as_array()
        .unwrap()
        .len();
    println!("get_issues, 100 issues, default fields");
    println!(
        "  answer text: {} bytes = {:.0} bytes per issue ({issues} issues)",
        text.len(),
        text.len() as f64 / issues as f64
    );
    println!("  whole JSON-RPC response (text + structuredContent): {wire_bytes} bytes");
    let (wide, _, _) = server.call(
        "get_issues",
        json!({"projectId": [project], "count": 100, "fields": ["summary", "description", "status", "assignee", "customFields", "created", "updated"]}),
    );
    println!(
        "  with description and custom fields: {:.0} bytes per issue",
        text_of(&wide).len() as f64 / 100.0
    );

    let (tools, bytes, _) = server.request("tools/list", json!({}));
    let list = tools["result"]["tools"].as_array().unwrap();
    let size = |key: &str| -> usize {
        list.iter()
            .map(|t| {
                t.get(key)
                    .map_or(0, |v| serde_json::to_string(v).unwrap().len())
            })
            .sum()
    };
    println!("tools/list: {} tools, {bytes} bytes", list.len());
    println!(
        "  input schemas {} B, descriptions {} B, output schemas {} B, annotations and titles the rest",
        size("inputSchema"),
        size("description"),
        size("outputSchema")
    );
}
