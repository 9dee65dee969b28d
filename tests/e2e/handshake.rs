use crate::support::{ServerEnv, client_config, start, start_with};
use rmcp::model::ProtocolVersion;
use rmcp::service::{ClientLifecycleMode, ClientServiceExt};
use rmcp::transport::TokioChildProcess;
use std::path::{Path, PathBuf};

/// The directory of the tools' snapshots, one file per tool.
fn snapshots() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/snapshots/tools")
}

/// How many tools the server lists: one snapshot file each.
fn pinned_tools() -> usize {
    std::fs::read_dir(snapshots())
        .unwrap()
        .filter(|f| {
            f.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|e| e == "snap")
        })
        .count()
}

#[tokio::test]
async fn initialize_echoes_2025_06_18_and_2025_11_25_and_names_the_server() {
    for version in [ProtocolVersion::V_2025_06_18, ProtocolVersion::V_2025_11_25] {
        let server = start_with(ServerEnv::demo(), client_config(version.clone())).await;
        let info = server.client.peer_info().unwrap();
        assert_eq!(info.protocol_version, version);
        let implementation = info.server_info.clone().unwrap();
        assert_eq!(implementation.name, "backlog-mcp");
        assert_eq!(implementation.version, env!("CARGO_PKG_VERSION"));
        assert!(info.capabilities.tools.is_some());
        server.stop().await;
    }
}

#[tokio::test]
async fn the_stateless_2026_07_28_revision_works_through_discovery() {
    let env = ServerEnv::demo();
    let transport = TokioChildProcess::new(env.command()).unwrap();
    let client = client_config(ProtocolVersion::V_2026_07_28)
        .serve_with_lifecycle(
            transport,
            ClientLifecycleMode::Discover {
                preferred_versions: vec![ProtocolVersion::V_2026_07_28],
            },
        )
        .await
        .unwrap();
    let tools = client.list_all_tools().await.unwrap();
    assert_eq!(tools.len(), pinned_tools());
    client.cancel().await.unwrap();
}

#[tokio::test]
async fn every_tool_is_listed_with_schemas_titles_and_honest_annotations() {
    let server = start(ServerEnv::demo()).await;
    let tools = server.client.list_all_tools().await.unwrap();
    assert_eq!(tools.len(), pinned_tools());
    for tool in &tools {
        let annotations = tool.annotations.clone().unwrap();
        let read_only = annotations.read_only_hint.unwrap();
        let reads = ["get_", "count_"].iter().any(|p| tool.name.starts_with(p));
        assert_eq!(read_only, reads, "{}: readOnlyHint", tool.name);
        assert_eq!(annotations.open_world_hint, Some(true), "{}", tool.name);
        if read_only {
            assert_eq!(annotations.destructive_hint, Some(false), "{}", tool.name);
        } else {
            let destructive = ["update_", "delete_", "remove_", "bulk_"]
                .iter()
                .any(|p| tool.name.starts_with(p));
            assert_eq!(
                annotations.destructive_hint,
                Some(destructive),
                "{}: destructiveHint",
                tool.name
            );
        }
        assert!(tool.title.is_some(), "{}", tool.name);
        assert!(
            tool.description.as_ref().unwrap().len() > 60,
            "{}",
            tool.name
        );
        assert_eq!(tool.input_schema["type"], "object", "{}", tool.name);
        assert_eq!(
            tool.input_schema["additionalProperties"], false,
            "{}",
            tool.name
        );
        if tool.name != "get_issue_attachment" {
            let output = tool.output_schema.clone().unwrap();
            assert_eq!(output["type"], "object", "{}", tool.name);
        }
        // Self-contained schemas: several clients cannot resolve references.
        let schemas = serde_json::to_string(&(&tool.input_schema, &tool.output_schema)).unwrap();
        assert!(
            !schemas.contains("\"$ref\"") && !schemas.contains("\"$defs\""),
            "{} has schema references",
            tool.name
        );
    }
    let details = tools
        .iter()
        .find(|t| t.name == "get_issue_details")
        .unwrap();
    let properties = details.input_schema["properties"].as_object().unwrap();
    let mut parameters: Vec<&str> = properties.keys().map(String::as_str).collect();
    parameters.sort_unstable();
    assert_eq!(parameters, ["issue_key", "issue_title", "timezone"]);
    assert_eq!(
        details.input_schema["required"],
        serde_json::json!(["issue_key"])
    );

    let list = tools
        .iter()
        .find(|t| t.name == "get_user_issue_list")
        .unwrap();
    let properties = list.input_schema["properties"].as_object().unwrap();
    for parameter in [
        "project_ids",
        "assignee_ids",
        "status_ids",
        "milestone_ids",
        "parent_issue_ids",
        "created_since",
        "created_until",
        "updated_since",
        "updated_until",
        "start_date_since",
        "start_date_until",
        "due_date_since",
        "due_date_until",
    ] {
        let described = properties[parameter]["description"]
            .as_str()
            .unwrap_or_default();
        assert!(!described.is_empty(), "{parameter} needs a description");
    }
    server.stop().await;
}

/// Every tool's name, title, description, schemas and annotations, as clients
/// receive them, one snapshot file per tool in `snapshots/tools/<tool>.snap`,
/// so a review shows which tool changed. A change is a change to what models
/// see: review the diff (`cargo insta review`), or accept every change with
/// `INSTA_UPDATE=always cargo test --test e2e handshake`, which also writes the
/// file of a new tool and deletes the files of tools that are gone. Without it
/// a tool without its file, a stale file, or a file left for a removed tool
/// fails the test.
#[tokio::test]
async fn every_tool_in_the_tools_list_payload_is_pinned_by_its_snapshot() {
    let server = start(ServerEnv::demo()).await;
    let tools = server.client.list_all_tools().await.unwrap();
    server.stop().await;
    let directory = snapshots();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(&directory);
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    let changed: Vec<String> = settings.bind(|| {
        tools
            .iter()
            .filter(|tool| {
                let name = tool.name.to_string();
                std::panic::catch_unwind(|| insta::assert_json_snapshot!(name, tool)).is_err()
            })
            .map(|tool| tool.name.to_string())
            .collect()
    });
    assert!(
        changed.is_empty(),
        "tools whose snapshot is missing or stale (see the diffs above): {changed:?}"
    );
    let accepting = std::env::var("INSTA_UPDATE").is_ok_and(|v| v == "always");
    let mut left_over = Vec::new();
    for file in std::fs::read_dir(&directory).unwrap() {
        let path = file.unwrap().path();
        let Some(name) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".snap"))
        else {
            continue;
        };
        if !tools.iter().any(|tool| tool.name == name) {
            if accepting {
                std::fs::remove_file(&path).unwrap();
            } else {
                left_over.push(name.to_owned());
            }
        }
    }
    assert!(
        left_over.is_empty(),
        "snapshots of tools that are not listed (delete them, or run with INSTA_UPDATE=always): {left_over:?}"
    );
}
