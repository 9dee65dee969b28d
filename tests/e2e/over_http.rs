//! Both tools against the independent fake Backlog over real HTTP: the answers
//! match the space's own state, and the wire traffic is what Backlog expects.

use crate::raw_stdio::{RawSession, call};
use crate::support::{SECRET_KEY, ServerEnv, start, structured};
use fake_backlog::seed::{ADMIN, SATO, SMITH, SUZUKI, TANAKA};
use fake_backlog::{FakeBacklog, Model};
use serde_json::{Value, json};
use std::time::Duration;

async fn demo_backlog() -> FakeBacklog {
    FakeBacklog::start(Model::demo().with_api_key(SECRET_KEY)).await
}

fn env_for(backlog: &FakeBacklog) -> ServerEnv {
    ServerEnv::space(&backlog.base_url(), backlog.api_key())
        .var("BACKLOG_RETRY_BASE_MS", "5")
        .var("BACKLOG_RETRY_MAX_MS", "20")
}

#[tokio::test]
async fn my_open_issues_match_the_spaces_own_state() {
    let backlog = demo_backlog().await;
    let expected: Vec<String> = backlog.model().inspect(|space| {
        let mut mine: Vec<_> = space
            .issues
            .iter()
            .filter(|i| i.assignee.as_ref().map(|a| a.id) == space.myself && i.status.id.get() != 4)
            .collect();
        mine.sort_by(|a, b| b.updated.cmp(&a.updated).then(b.id.cmp(&a.id)));
        mine.iter().map(|i| i.key.to_string()).collect()
    });
    assert!(
        expected.len() > 3,
        "the demo space gives myself a few open issues"
    );

    let server = start(env_for(&backlog)).await;
    let answer = structured(&server.call("get_user_issue_list", json!({})).await);
    let keys: Vec<&str> = answer["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["issueKey"].as_str().unwrap())
        .collect();
    assert_eq!(keys, expected);
    assert_eq!(answer["assigneeIds"], json!([TANAKA]));
    let base = backlog.base_url();
    assert_eq!(
        answer["issues"][0]["url"],
        format!("{base}/view/{}", expected[0])
    );
    server.stop().await;

    // On the wire: the key in the header only, arrays with brackets, pages of 100.
    let requests = backlog.requests();
    assert!(
        requests
            .iter()
            .all(|r| r.header("backlog-api-key") == Some(SECRET_KEY))
    );
    assert!(requests.iter().all(|r| !r.raw_query.contains(SECRET_KEY)));
    assert!(requests.iter().any(|r| r.path == "/api/v2/users/myself"));
    let scans: Vec<_> = requests
        .iter()
        .filter(|r| r.path == "/api/v2/issues" && r.query_value("sort") == Some("created"))
        .collect();
    // A handful of issues: one count and one page, asked together, no recount.
    assert_eq!(scans.len(), 1, "{scans:?}");
    assert_eq!(backlog.request_count("GET", "/api/v2/issues/count"), 1);
    for list in scans {
        assert_eq!(list.query_value("count"), Some("100"));
        assert_eq!(
            list.query_values("assigneeId[]"),
            vec![TANAKA.to_string().as_str()]
        );
        assert!(!list.query_values("statusId[]").is_empty());
        assert!(!list.query_values("statusId[]").contains(&"4"));
    }
}

#[tokio::test]
async fn issue_details_carry_every_comment_with_text() {
    let backlog = demo_backlog().await;
    let (key, with_text, total) = backlog.model().inspect(|space| {
        let (issue, comments) = space
            .comments
            .iter()
            .max_by_key(|(id, comments)| (comments.len(), **id))
            .unwrap();
        let with_text = comments.iter().filter(|c| c.has_text()).count();
        let issue = space.issues.iter().find(|i| i.id == *issue).unwrap();
        (issue.key.to_string(), with_text, comments.len())
    });
    assert!(
        with_text < total,
        "the busiest demo issue has change-log-only comments"
    );
    let server = start(env_for(&backlog)).await;
    let answer = structured(
        &server
            .call(
                "get_issue_details",
                json!({"issue_key": key, "timezone": "Asia/Tokyo"}),
            )
            .await,
    );
    assert_eq!(answer["issueKey"], key.as_str());
    let comments = answer["comments"].as_array().unwrap();
    assert_eq!(comments.len(), with_text);
    assert!(
        comments
            .iter()
            .all(|c| c["created"].as_str().unwrap().ends_with("+09:00"))
    );
    server.stop().await;
}

#[tokio::test]
async fn thousands_of_matches_come_back_from_one_call() {
    let backlog = FakeBacklog::start(Model::generated(1, 2500)).await;
    let project = backlog.model().inspect(|s| s.projects[0].project.id.get());
    let server = start(env_for(&backlog).var("BACKLOG_MAX_TOKENS", "1000000")).await;
    let answer = structured(
        &server
            .call(
                "get_user_issue_list",
                json!({
                    "project_ids": [project],
                    "assignee_ids": [SATO, SUZUKI, SMITH, ADMIN],
                    "status_ids": [1, 2, 3, 4]
                }),
            )
            .await,
    );
    assert_eq!(answer["total"], 2000);
    let keys: std::collections::HashSet<&str> = answer["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["issueKey"].as_str().unwrap())
        .collect();
    assert_eq!(keys.len(), 2000, "no duplicates");
    server.stop().await;
    // One count, twenty pages of 100, one recount.
    assert_eq!(backlog.request_count("GET", "/api/v2/issues/count"), 2);
    assert_eq!(backlog.request_count("GET", "/api/v2/issues") - 2, 20);
}

#[tokio::test]
async fn long_scans_report_progress_to_a_client_that_asks() {
    let backlog = FakeBacklog::start(Model::generated(1, 1000)).await;
    let mut session = RawSession::start(env_for(&backlog)).await;
    let request = json!({
        "jsonrpc": "2.0", "id": 7, "method": "tools/call",
        "params": {
            "_meta": {"progressToken": "scan-1"},
            "name": "get_user_issue_list",
            "arguments": {"assignee_ids": [SATO], "status_ids": [1, 2, 3, 4]}
        }
    });
    session.send(&request.to_string()).await;
    let answer = session.answers(1).await.remove(0);
    assert_eq!(answer["result"]["structuredContent"]["total"], 200);
    let progress: Vec<Value> = session
        .seen
        .iter()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|m| m["method"] == "notifications/progress")
        .collect();
    assert_eq!(progress.len(), 2, "one notification per page: {progress:?}");
    assert!(
        progress
            .iter()
            .all(|p| p["params"]["progressToken"] == "scan-1")
    );
    assert_eq!(progress[1]["params"]["progress"], 2.0);
    assert_eq!(progress[1]["params"]["total"], 2.0);
    session.finish().await;
}

#[tokio::test]
async fn a_cancelled_call_sends_no_further_backlog_requests() {
    let backlog = FakeBacklog::start(Model::generated(1, 5000)).await;
    // Every answer takes this long, so the two pages in flight when the
    // cancellation is sent are answered (and replaced) at most once before it
    // is read, however slowly a loaded machine reads it.
    let latency = Duration::from_millis(1500);
    backlog.faults().set_latency(latency);
    let mut session =
        RawSession::start(env_for(&backlog).var("BACKLOG_PAGE_CONCURRENCY", "2")).await;
    session
        .send(&call(
            9,
            "get_user_issue_list",
            json!({"assignee_ids": [SATO, SUZUKI, SMITH, ADMIN], "status_ids": [1, 2, 3, 4]}),
        ))
        .await;
    let before = requests_once_over(&backlog, 2).await;
    session
        .send(r#"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":9,"reason":"user gave up"}}"#)
        .await;
    // The pages in flight may each be followed by one more before the
    // cancellation is read (the concurrency is 2); then nothing new.
    let settled = requests_once_settled(&backlog).await;
    assert!(
        settled <= before + 2,
        "at most the in-flight pages: {before} -> {settled}: {:?}",
        backlog.route_counts()
    );
    // Longer than an answer takes, so a scan still running would have sent more.
    tokio::time::sleep(latency * 2).await;
    assert_eq!(
        backlog.total_requests(),
        settled,
        "no requests after the cancellation"
    );
    // The server is still there, and never answers the cancelled call.
    session
        .send(&call(
            10,
            "get_issue_details",
            json!({"issue_key": "GEN1-1"}),
        ))
        .await;
    let answer = session.answers(1).await.remove(0);
    assert_eq!(answer["id"], 10);
    assert_eq!(answer["result"]["structuredContent"]["issueKey"], "GEN1-1");
    let all = session.finish().await;
    let answered_9: Vec<&String> = all.iter().filter(|l| l.contains(r#""id":9,"#)).collect();
    assert!(
        answered_9.is_empty(),
        "no answer for a cancelled call: {answered_9:?}"
    );
}

#[tokio::test]
async fn a_list_over_the_token_budget_is_cut_at_an_item_boundary_and_says_so() {
    let backlog = FakeBacklog::start(Model::generated(1, 1000)).await;
    let server = start(env_for(&backlog).var("BACKLOG_MAX_TOKENS", "5000")).await;
    let result = server
        .call(
            "get_user_issue_list",
            json!({"assignee_ids": [SATO, SUZUKI, SMITH, ADMIN], "status_ids": [1, 2, 3, 4]}),
        )
        .await;
    let answer = structured(&result);
    assert_eq!(answer["total"], 800);
    let kept = answer["issues"].as_array().unwrap().len();
    assert!(kept > 5 && kept < 800, "{kept}");
    assert_eq!(answer["truncated"]["returned"], kept);
    assert_eq!(answer["truncated"]["omitted"], 800 - kept);
    // The text is the same valid JSON, within the budget.
    let text = crate::support::text(&result);
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), json!(answer));
    assert!(text.len() < 5000 * 3, "{} bytes", text.len());
    server.stop().await;
}

/// The request count once it is over `floor` (the scan has started), waiting
/// up to thirty seconds for a loaded machine.
async fn requests_once_over(backlog: &FakeBacklog, floor: u64) -> u64 {
    for _ in 0..600 {
        let count = backlog.total_requests();
        if count > floor {
            return count;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "the scan never started: {} requests",
        backlog.total_requests()
    );
}

/// The request count once it has not moved for half a second (at most ten).
async fn requests_once_settled(backlog: &FakeBacklog) -> u64 {
    let mut last = backlog.total_requests();
    for _ in 0..20 {
        tokio::time::sleep(Duration::from_millis(500)).await;
        let now = backlog.total_requests();
        if now == last {
            return now;
        }
        last = now;
    }
    panic!("requests kept coming after the cancellation: {last}");
}
