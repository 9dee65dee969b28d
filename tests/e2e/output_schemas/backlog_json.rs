//! Answers built from the fake Backlog's JSON match their output schemas.

use super::conformance::{Conformance, check_reads};
use crate::support::{Running, SECRET_KEY, ServerEnv, start, structured};
use backlog_mcp::adapters::memory::Space;
use backlog_mcp::domain::ids::UserId;
use backlog_mcp::domain::user::User;
use fake_backlog::seed::{OPS, SMITH, WEB};
use fake_backlog::{FakeBacklog, Model};
use serde_json::{Value, json};

/// A user of an older space, without a login id (not in the demo seed).
const NO_LOGIN: i64 = 1099;

/// What real spaces hold and the demo seed does not, added to the served
/// state: a member of WEB without a login id who wrote the latest activity,
/// and OPS archived.
fn older_space(space: &mut Space) {
    let id = UserId::new(NO_LOGIN).expect("a positive id");
    let user = User {
        id,
        login_id: None,
        name: "Backlog Bot".to_owned(),
        role_type: Some(2),
        lang: None,
        mail_address: None,
        last_login: None,
    };
    if let Some(latest) = space.activities.iter_mut().max_by_key(|a| a.created) {
        latest.created_user = Some(user.to_ref());
    }
    space.users.push(user);
    for record in &mut space.projects {
        if record.project.id.get() == WEB {
            record.members.push(id);
        }
        if record.project.id.get() == OPS {
            record.project.archived = true;
        }
    }
}

/// Answers built from Backlog's JSON as the client reads it over HTTP (the
/// façade serving the demo seed with a login-less user and an archived
/// project: shared files, custom field limits, archived milestones, wiki, git
/// and file activities), not from the memory adapter.
#[tokio::test]
async fn answers_built_from_backlog_json_match_their_output_schema() {
    let backlog = FakeBacklog::start(Model::demo().with_api_key(SECRET_KEY)).await;
    backlog.model().modify(older_space);
    let server = start(ServerEnv::space(&backlog.base_url(), backlog.api_key())).await;
    let tools = server.client.list_all_tools().await.unwrap();
    let mut c = Conformance::new(tools);
    let reads: &[(&str, Value)] = &[
        ("get_space", json!({})),
        ("get_space_activities", json!({"count": 100})),
        ("get_users", json!({})),
        ("get_user_stars_count", json!({"userId": SMITH})),
        ("get_myself", json!({"timezone": "Asia/Tokyo"})),
        ("get_user_recent_updates", json!({"userId": NO_LOGIN})),
        ("get_user_recent_updates", json!({"userId": "me"})),
        ("get_project_list", json!({"all": true})),
        ("get_project", json!({"projectKey": "OPS"})),
        ("get_project_list", json!({"archived": true})),
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

/// What the fake Backlog sends beyond the basics reaches the answers: a user
/// without a login id, an archived project, shared
/// files, custom field limits and defaults, archived milestones, and
/// activities with their pull request, file and status names.
async fn backlog_facts_arrive(server: &Running) {
    let users = structured(&server.call("get_users", json!({})).await);
    let bot = users["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["id"] == NO_LOGIN)
        .expect("the login-less user is listed");
    assert!(bot.get("userId").is_none(), "no login id: {bot}");
    let recent = structured(
        &server
            .call("get_user_recent_updates", json!({"userId": NO_LOGIN}))
            .await,
    );
    assert!(
        Value::Object(recent.clone())
            .to_string()
            .contains("Backlog Bot"),
        "the login-less user's activity: {recent:?}"
    );
    let archived = structured(
        &server
            .call("get_project_list", json!({"archived": true}))
            .await,
    );
    let keys: Vec<&str> = archived["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["projectKey"].as_str())
        .collect();
    assert_eq!(keys, ["OPS"], "{archived:?}");

    let issue = structured(&server.call("get_issue", json!({"issueKey": "WEB-1"})).await);
    let paths: Vec<&str> = issue["sharedFiles"]
        .as_array()
        .expect("WEB-1 links shared files")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert_eq!(paths, ["/design/top-page-v3.fig"]);

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
        (&json!(12), &json!("web-frontend"), &json!("WEB-5"))
    );
    let file = activities
        .iter()
        .find(|a| a["type"] == "FileAdded")
        .unwrap();
    assert_eq!(
        (&file["directory"], &file["size"]),
        (&json!("/ネットワーク/"), &json!(1_204_224))
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
