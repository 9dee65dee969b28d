//! Read-only mode, the project allow-list, and tool selection, seen by a client.

use crate::support::{ServerEnv, error_text, start, structured};
use serde_json::json;

async fn tool_names(env: ServerEnv) -> Vec<String> {
    let server = start(env).await;
    let names = server.tool_names().await;
    server.stop().await;
    names
}

#[tokio::test]
async fn read_only_mode_lists_only_reads_and_refuses_writes() {
    let server = start(ServerEnv::demo().var("BACKLOG_READ_ONLY", "true")).await;
    let tools = server.client.list_all_tools().await.unwrap();
    assert!(tools.len() > 20);
    assert!(
        tools
            .iter()
            .all(|t| t.annotations.as_ref().unwrap().read_only_hint == Some(true))
    );
    assert!(!tools.iter().any(|t| t.name == "update_issue"));
    let refusal = error_text(
        &server
            .call(
                "update_issue",
                json!({"issueKey": "WEB-1", "statusId": "Closed"}),
            )
            .await,
    );
    assert_eq!(
        refusal,
        "`update_issue` changes Backlog, and this server runs read-only (BACKLOG_READ_ONLY / --read-only); nothing was changed"
    );
    let read = structured(&server.call("get_issue", json!({"issueKey": "WEB-1"})).await);
    assert_eq!(read["status"], "In Progress", "the issue is untouched");
    server.stop().await;
}

#[tokio::test]
async fn the_read_only_flag_works_like_the_variable() {
    let env = ServerEnv::demo();
    let names = {
        let server = crate::support::start_with_args(env, &["--read-only"]).await;
        let names = server.tool_names().await;
        server.stop().await;
        names
    };
    assert!(
        !names
            .iter()
            .any(|n| n.starts_with("add_") || n.starts_with("delete_"))
    );
    assert!(names.iter().any(|n| n == "get_issues"));
}

#[tokio::test]
async fn the_allow_list_filters_lists_and_refuses_other_projects() {
    let server = start(ServerEnv::demo().var("BACKLOG_ALLOWED_PROJECTS", "WEB")).await;
    let projects = structured(&server.call("get_project_list", json!({})).await);
    let keys: Vec<&str> = projects["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["projectKey"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["WEB"]);
    let issues = structured(&server.call("get_issues", json!({"count": 100})).await);
    let all = issues["issues"].as_array().unwrap();
    assert_eq!(all.len(), 22);
    assert!(
        all.iter()
            .all(|i| i["issueKey"].as_str().unwrap().starts_with("WEB-"))
    );
    for (tool, arguments) in [
        ("get_issue", json!({"issueKey": "OPS-1"})),
        ("update_issue", json!({"issueKey": "OPS-1", "statusId": 4})),
        ("get_issues", json!({"projectId": ["APP"]})),
        ("get_issue_details", json!({"issue_key": "APP-2"})),
    ] {
        let refusal = error_text(&server.call(tool, arguments).await);
        assert!(
            refusal.contains(
                "outside the projects this server may touch (BACKLOG_ALLOWED_PROJECTS: WEB)"
            ),
            "{tool}: {refusal}"
        );
    }
    let mine = structured(&server.call("get_user_issue_list", json!({})).await);
    assert!(
        mine["issues"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["issueKey"].as_str().unwrap().starts_with("WEB-"))
    );
    server.stop().await;
}

#[tokio::test]
async fn toolsets_prefix_and_tool_lists_select_what_is_offered() {
    let names = tool_names(
        ServerEnv::demo()
            .var("ENABLE_TOOLSETS", "space")
            .var("PREFIX", "backlog_"),
    )
    .await;
    assert_eq!(
        names,
        [
            "backlog_get_space",
            "backlog_get_space_activities",
            "backlog_get_users",
            "backlog_get_user_stars_count",
            "backlog_get_myself",
            "backlog_get_user_recent_updates"
        ]
    );
    let names = tool_names(
        ServerEnv::demo()
            .var("BACKLOG_TOOLS", "get_issue,get_issues,delete_issue")
            .var("BACKLOG_EXCLUDE_TOOLS", "delete_issue"),
    )
    .await;
    assert_eq!(names, ["get_issue", "get_issues"], "exclusion wins");

    let server = start(ServerEnv::demo().var("ENABLE_TOOLSETS", "space,project")).await;
    let refusal = error_text(&server.call("get_issue", json!({"issueKey": "WEB-1"})).await);
    assert!(
        refusal.contains("belongs to the `issue` toolset, which is not enabled"),
        "{refusal}"
    );
    server.stop().await;
}

/// The catalog is built beside the handshake: a client that connected before
/// it was found invalid still sees the server stop with code 2 and the reason.
#[tokio::test]
async fn an_invalid_selection_stops_a_connected_server_too() {
    use tokio::io::AsyncWriteExt;
    let mut child = ServerEnv::demo()
        .var("BACKLOG_EXCLUDE_TOOLS", "delete_everything")
        .command()
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let initialize = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {},
        "clientInfo": {"name": "t", "version": "1"}}});
    stdin
        .write_all(format!("{initialize}\n").as_bytes())
        .await
        .unwrap();
    // stdin stays open: the server ends on its own.
    let output = tokio::time::timeout(std::time::Duration::from_secs(10), child.wait_with_output())
        .await
        .expect("the server stops by itself")
        .unwrap();
    drop(stdin);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("BACKLOG_EXCLUDE_TOOLS: unknown tool delete_everything"),
        "{stderr}"
    );
}

#[tokio::test]
async fn a_selection_naming_unknown_tools_stops_the_server_with_the_valid_names() {
    let output = ServerEnv::demo()
        .var("BACKLOG_EXCLUDE_TOOLS", "delete_everything")
        .command()
        .output()
        .await
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("BACKLOG_EXCLUDE_TOOLS: unknown tool delete_everything"),
        "{stderr}"
    );
    assert!(stderr.contains("get_issue"), "{stderr}");
}

/// A typo in the allow-list must not become "every project": against a real
/// (fake) space, calls that touch projects are refused and nothing is asked
/// for issues or changed; the start of the first call logs the entry.
#[tokio::test]
async fn an_allow_list_matching_no_project_fails_closed() {
    use crate::support::SECRET_KEY;
    use fake_backlog::{FakeBacklog, Model};
    let backlog = FakeBacklog::start(Model::demo().with_api_key(SECRET_KEY)).await;
    let env =
        ServerEnv::space(&backlog.base_url(), SECRET_KEY).var("BACKLOG_ALLOWED_PROJECTS", "NOPE");
    let server = start(env).await;
    for (tool, arguments) in [
        ("get_issues", json!({})),
        ("count_issues", json!({})),
        ("get_user_issue_list", json!({})),
        (
            "bulk_update_issues",
            json!({"filter": {"statusId": ["Open"]}, "priorityId": "Low"}),
        ),
        ("get_watching_list_count", json!({"userId": "me"})),
    ] {
        let refusal = error_text(&server.call(tool, arguments).await);
        assert!(
            refusal.contains("none of the projects in BACKLOG_ALLOWED_PROJECTS (NOPE)"),
            "{tool}: {refusal}"
        );
    }
    let asked: Vec<String> = backlog
        .requests()
        .iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    // The projects to resolve the list, and who "me" is: nothing else.
    assert!(
        asked.iter().all(|r| r == "GET /api/v2/projects"
            || r == "GET /api/v2/projects/NOPE"
            || r == "GET /api/v2/users/myself"),
        "{asked:?}"
    );
    let stderr = server.stop().await;
    assert!(
        stderr.contains("BACKLOG_ALLOWED_PROJECTS: NOPE matches no project"),
        "{stderr}"
    );
}
