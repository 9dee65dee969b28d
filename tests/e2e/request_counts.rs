//! How many Backlog requests common tasks cost, counted in the fake Backlog's
//! request log, so that a regression fails here. The targets: a read of one
//! thing is one request; a write is the write plus at most one read of the old
//! state (for the old → new answer); names come from metadata cached across
//! calls; parents' keys come in one request.

use crate::support::{SECRET_KEY, ServerEnv, start, text};
use fake_backlog::{FakeBacklog, Model};
use serde_json::{Value, json};

/// A session of common tasks, in order (the metadata cache warms up as it
/// goes), with the requests each may send.
fn session() -> Vec<(&'static str, Value, &'static [&'static str])> {
    vec![
        (
            "get_issue",
            json!({"issueKey": "WEB-5"}),
            &["GET /issues/WEB-5"],
        ),
        // One issue, one request: WEB-2's parent is given by id, not looked up.
        (
            "get_issue",
            json!({"issueKey": "WEB-2"}),
            &["GET /issues/WEB-2"],
        ),
        // The parents of WEB-2..4 (WEB-1) are not in the page: one lookup.
        (
            "get_issues",
            json!({"projectId": ["WEB"], "statusId": ["Open"]}),
            &[
                "GET /projects",
                "GET /projects/101/statuses",
                "GET /issues",
                "GET /issues",
            ],
        ),
        // Names now come from the cache.
        (
            "get_issues",
            json!({"projectId": ["WEB"], "statusId": ["In Progress"]}),
            &["GET /issues"],
        ),
        (
            "count_issues",
            json!({"projectId": ["WEB"], "statusId": ["Open"]}),
            &["GET /issues/count"],
        ),
        // Closing with a comment: the old state and the write.
        (
            "update_issue",
            json!({"issueKey": "WEB-6", "statusId": "Closed", "comment": "done"}),
            &["GET /issues/WEB-6", "PATCH /issues/5006"],
        ),
        (
            "update_issue",
            json!({"issueKey": "WEB-5", "statusId": "Closed", "resolutionId": "Fixed", "comment": "done"}),
            &[
                "GET /issues/WEB-5",
                "GET /resolutions",
                "PATCH /issues/5005",
            ],
        ),
        (
            "update_issue",
            json!({"issueKey": "WEB-7", "statusId": "Closed", "resolutionId": "Fixed"}),
            &["GET /issues/WEB-7", "PATCH /issues/5007"],
        ),
        // A child issue: still the old state and the write.
        (
            "update_issue",
            json!({"issueKey": "WEB-3", "statusId": "In Progress", "comment": "on it"}),
            &["GET /issues/WEB-3", "PATCH /issues/5003"],
        ),
        (
            "get_issue_details",
            json!({"issue_key": "WEB-5"}),
            &["GET /issues/WEB-5", "GET /issues/WEB-5/comments"],
        ),
        (
            "add_issue_comment",
            json!({"issueKey": "WEB-5", "content": "x"}),
            &["POST /issues/WEB-5/comments"],
        ),
        (
            "get_user_issue_list",
            json!({}),
            &[
                "GET /users/myself",
                "GET /projects/102/statuses",
                "GET /projects/103/statuses",
                "GET /issues/count",
                "GET /issues",
                "GET /issues",
            ],
        ),
        // "me" is known now.
        (
            "get_watching_list_items",
            json!({"userId": "me"}),
            &["GET /users/1001/watchings"],
        ),
        (
            "bulk_update_issues",
            json!({"issueKeys": ["WEB-8", "WEB-9"], "priorityId": "Low"}),
            &[
                "GET /issues/WEB-8",
                "GET /issues/WEB-9",
                "GET /priorities",
                "PATCH /issues/5008",
                "PATCH /issues/5009",
            ],
        ),
        (
            "get_project_metadata",
            json!({"projectId": "WEB"}),
            &[
                "GET /projects/101/issueTypes",
                "GET /projects/101/categories",
                "GET /projects/101/versions",
                "GET /projects/101/customFields",
                "GET /projects/101/users",
            ],
        ),
        ("get_project_metadata", json!({"projectId": "WEB"}), &[]),
        (
            "get_project",
            json!({"projectId": "WEB"}),
            &["GET /projects/101"],
        ),
        (
            "get_version_milestone_list",
            json!({"projectId": "WEB"}),
            &["GET /projects/101/versions"],
        ),
        (
            "get_issue_comments",
            json!({"issueKey": "WEB-5"}),
            &["GET /issues/WEB-5/comments"],
        ),
        ("get_myself", json!({}), &["GET /users/myself"]),
    ]
}

#[tokio::test]
async fn common_tasks_send_no_more_requests_than_they_need() {
    let backlog = FakeBacklog::start(Model::demo().with_api_key(SECRET_KEY)).await;
    let server = start(ServerEnv::space(&backlog.base_url(), SECRET_KEY)).await;
    let mut problems = Vec::new();
    for (tool, arguments, expected) in session() {
        backlog.clear_requests();
        let result = server.call(tool, arguments.clone()).await;
        if result.is_error == Some(true) {
            problems.push(format!("{tool} {arguments}: {}", text(&result)));
            continue;
        }
        let mut sent: Vec<String> = backlog
            .requests()
            .iter()
            .map(|r| format!("{} {}", r.method, r.path.trim_start_matches("/api/v2")))
            .collect();
        let mut wanted: Vec<String> = expected.iter().map(ToString::to_string).collect();
        sent.sort();
        wanted.sort();
        if sent != wanted {
            problems.push(format!(
                "{tool} {arguments}: sent {} requests {sent:?}, expected {} {wanted:?}",
                sent.len(),
                wanted.len()
            ));
        }
    }
    server.stop().await;
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
