//! Common tasks against the local fake Backlog with 100 ms of latency per
//! request, after a first call has warmed the metadata cache: how long each
//! takes and how many Backlog requests it sends. Run with
//! `cargo bench --bench round_trips`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::indexing_slicing
)]

mod support;

use fake_backlog::{FakeBacklog, Model};
use serde_json::{Value, json};
use std::time::Duration;
use support::{StdioServer, ms};

const LATENCY: Duration = Duration::from_millis(100);

fn main() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let backlog = runtime.block_on(FakeBacklog::start(Model::demo()));
    let mut server = StdioServer::ours(&[
        ("BACKLOG_BASE_URL", &backlog.base_url()),
        ("BACKLOG_API_KEY", backlog.api_key()),
    ]);
    // Warm the caches the way an earlier call in a session would.
    server.call("get_project_metadata", json!({"projectKey": "WEB"}));
    server.call("get_priorities", json!({}));
    server.call("get_resolutions", json!({}));
    backlog.faults().set_latency(LATENCY);
    println!(
        "Common tasks, {} ms per Backlog request, warm metadata",
        LATENCY.as_millis()
    );
    let tasks: [(&str, &str, Value); 6] = [
        ("read one issue", "get_issue", json!({"issueKey": "WEB-3"})),
        (
            "one issue and its conversation",
            "get_issue_details",
            json!({"issue_key": "WEB-3"}),
        ),
        (
            "close an issue with a comment",
            "update_issue",
            json!({"issueKey": "WEB-6", "statusId": "Closed", "resolutionId": "Fixed", "comment": "Fixed in 2.3"}),
        ),
        (
            "comment on an issue",
            "add_issue_comment",
            json!({"issueKey": "WEB-6", "content": "Released"}),
        ),
        (
            "open bugs of a project",
            "get_issues",
            json!({"projectId": ["WEB"], "issueTypeId": ["Bug"], "statusId": ["Open", "In Progress"]}),
        ),
        (
            "my open issues",
            "get_user_issue_list",
            json!({"project_ids": ["WEB"]}),
        ),
    ];
    for (label, tool, arguments) in tasks {
        backlog.clear_requests();
        let (answer, _, elapsed) = server.call(tool, arguments);
        assert!(
            answer["result"]["isError"] != json!(true),
            "{tool}: {answer}"
        );
        println!(
            "  {label:<32} {tool:<20} {:>5.0} ms, {} requests",
            ms(elapsed),
            backlog.total_requests()
        );
    }
}
