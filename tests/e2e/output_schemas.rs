//! Every tool's `structuredContent` must validate against the `outputSchema`
//! it advertises in `tools/list`: MCP clients such as the TypeScript SDK (used
//! by Claude Desktop, Claude Code, Cursor) reject a tool result that does not.
//! Each tool is called in demo mode with its default fields, with every field it
//! offers, and in the shapes that change an answer (empty, cut to the token
//! budget, partly failed); every answer is checked with a JSON Schema validator.

mod backlog_json;
mod conformance;
mod cut_answers;

use crate::argument_sweep::default_arguments;
use crate::support::{ServerEnv, error_text, start, text};
pub use conformance::Conformance;
use conformance::{UNSTRUCTURED, check_reads, id};
use serde_json::{Value, json};

#[tokio::test]
async fn every_structured_answer_matches_its_output_schema() {
    let server = start(ServerEnv::demo()).await;
    let tools = server.client.list_all_tools().await.unwrap();
    let mut c = Conformance::new(tools);

    let reads: &[(&str, Value)] = &[
        ("get_space", json!({"timezone": "Asia/Tokyo"})),
        ("get_space_activities", json!({"count": 100})),
        (
            "get_space_activities",
            json!({"activityTypeId": [8, 12, 15, 18], "count": 100}),
        ),
        ("get_user_recent_updates", json!({"userId": "t.sato"})),
        ("get_project_list", json!({"all": true})),
        ("get_project", json!({"projectKey": "OPS"})),
        ("get_project_users", json!({"projectKey": "WEB"})),
        ("get_project_statuses", json!({"projectKey": "OPS"})),
        ("get_project_metadata", json!({"projectKey": "WEB"})),
        ("get_project_metadata", json!({"projectKey": "OPS"})),
        ("get_issue", json!({"issueKey": "WEB-1"})),
        (
            "get_issue",
            json!({"issueKey": "OPS-3", "timezone": "Asia/Tokyo"}),
        ),
        ("get_issues", json!({"count": 100})),
        ("get_issues", json!({"count": 100, "offset": 100})),
        ("get_issues", json!({"keyword": "no-such-word-anywhere"})),
        ("count_issues", json!({"statusId": ["Open", "In Progress"]})),
        (
            "get_issue_comments",
            json!({"issueKey": "WEB-1", "count": 100}),
        ),
        ("get_related_issues", json!({"issueKey": "WEB-1"})),
        ("get_priorities", json!({})),
        ("get_categories", json!({"projectKey": "WEB"})),
        ("get_custom_fields", json!({"projectKey": "WEB"})),
        ("get_issue_types", json!({"projectKey": "APP"})),
        ("get_resolutions", json!({})),
        ("get_watching_list_items", json!({"userId": "me"})),
        ("get_watching_list_count", json!({"userId": "me"})),
        (
            "get_version_milestone_list",
            json!({"projectKey": "WEB", "archived": true}),
        ),
        (
            "get_issue_details",
            json!({"issue_key": "WEB-5", "timezone": "Asia/Tokyo"}),
        ),
        ("get_issue_details", json!({"issue_key": "OPS-1"})),
        ("get_issue_details", json!({"issue_key": "APP-1"})),
        ("get_issue_details", json!({"issue_key": "WEB-20"})),
        ("get_user_issue_list", json!({})),
        (
            "get_user_issue_list",
            json!({"assignee_ids": [1002, 1003, 1004, 1005], "status_ids": [1, 2, 3, 4]}),
        ),
    ];
    check_reads(&server, &mut c, reads).await;

    // Writes, in an order that cleans up after itself.
    let project = c.check(
        "add_project",
        "new",
        &server
            .call("add_project", json!({"name": "Schema", "key": "SCHEMA"}))
            .await,
    );
    assert_eq!(project["projectKey"], "SCHEMA");
    c.check(
        "update_project",
        "rename",
        &server
            .call(
                "update_project",
                json!({"projectKey": "SCHEMA", "name": "Schema 2", "archived": true}),
            )
            .await,
    );

    let issue = c.check(
        "add_issue",
        "new",
        &server
            .call(
                "add_issue",
                json!({
                    "projectId": "WEB", "summary": "Schema check", "issueTypeId": "Bug",
                    "priorityId": "High", "assigneeId": "me", "categoryId": ["Frontend"],
                    "startDate": "2026-12-01", "dueDate": "2026-12-24",
                    "estimatedHours": 2.5, "parentIssueId": "WEB-1",
                    "description": "checking the output schema"
                }),
            )
            .await,
    );
    let key = issue["issueKey"].as_str().unwrap().to_owned();
    c.check(
        "update_issue",
        "status and clears",
        &server
            .call(
                "update_issue",
                json!({
                    "issueKey": key, "statusId": "In Progress", "assigneeId": "t.sato",
                    "categoryId": [], "dueDate": null, "actualHours": 1,
                    "comment": "moving on"
                }),
            )
            .await,
    );

    let comment = c.check(
        "add_issue_comment",
        "new",
        &server
            .call(
                "add_issue_comment",
                json!({"issueKey": key, "content": "first"}),
            )
            .await,
    );
    c.check(
        "update_issue_comment",
        "edit",
        &server
            .call(
                "update_issue_comment",
                json!({"issueKey": key, "commentId": id(&comment), "content": "edited"}),
            )
            .await,
    );

    c.check(
        "add_related_issue",
        "link",
        &server
            .call(
                "add_related_issue",
                json!({"issueKey": key, "targetIssueId": "WEB-3"}),
            )
            .await,
    );
    let related = server
        .call("get_related_issues", json!({"issueKey": key}))
        .await;
    let related = c.check("get_related_issues", "linked", &related);
    assert_eq!(related["count"], 1, "{related:?}");
    c.check(
        "remove_related_issue",
        "unlink",
        &server
            .call(
                "remove_related_issue",
                json!({"issueKey": key, "relatedIssueId": "WEB-3"}),
            )
            .await,
    );

    c.check(
        "add_category",
        "new",
        &server
            .call(
                "add_category",
                json!({"projectKey": "WEB", "name": "Schema"}),
            )
            .await,
    );

    let watch = c.check(
        "add_watching",
        "new",
        &server
            .call(
                "add_watching",
                json!({"issueIdOrKey": key, "note": "watch"}),
            )
            .await,
    );
    let watch_id = id(&watch);
    c.check(
        "update_watching",
        "note",
        &server
            .call(
                "update_watching",
                json!({"watchId": watch_id, "note": "still watching"}),
            )
            .await,
    );
    c.check(
        "mark_watching_as_read",
        "read",
        &server
            .call("mark_watching_as_read", json!({"watchId": watch_id}))
            .await,
    );
    c.check(
        "delete_watching",
        "delete",
        &server
            .call("delete_watching", json!({"watchId": watch_id}))
            .await,
    );

    let version = c.check(
        "add_version_milestone",
        "new",
        &server
            .call(
                "add_version_milestone",
                json!({
                    "projectKey": "WEB", "name": "Schema sprint",
                    "startDate": "2026-12-01", "releaseDueDate": "2026-12-14"
                }),
            )
            .await,
    );
    c.check(
        "update_version_milestone",
        "archive",
        &server
            .call(
                "update_version_milestone",
                json!({"projectKey": "WEB", "id": id(&version), "name": "Schema sprint", "archived": true}),
            )
            .await,
    );
    c.check(
        "delete_version",
        "delete",
        &server
            .call(
                "delete_version",
                json!({"projectKey": "WEB", "id": id(&version)}),
            )
            .await,
    );

    // Bulk: a plan, then a run with one issue that cannot be found.
    let bulk =
        json!({"issueKeys": [key, "WEB-2", "WEB-9999"], "statusId": "Resolved", "comment": "bulk"});
    let mut plan = bulk.clone();
    plan["dryRun"] = json!(true);
    c.check(
        "bulk_update_issues",
        "dry run",
        &server.call("bulk_update_issues", plan).await,
    );
    let run = c.check(
        "bulk_update_issues",
        "partial failure",
        &server.call("bulk_update_issues", bulk.clone()).await,
    );
    assert!(
        Value::Object(run.clone()).to_string().contains("WEB-9999"),
        "{run:?}"
    );
    c.check(
        "bulk_update_issues",
        "retry: unchanged",
        &server.call("bulk_update_issues", bulk).await,
    );

    c.check(
        "delete_issue",
        "delete",
        &server.call("delete_issue", json!({"issueKey": key})).await,
    );

    // Errors carry no structured content, so they need no schema.
    let missing = server
        .call("get_issue", json!({"issueKey": "WEB-9999"}))
        .await;
    error_text(&missing);
    assert!(missing.structured_content.is_none(), "{}", text(&missing));

    // A tool without a case above is called with its default arguments; one
    // they do not suit fails here, asking for a case.
    let by_default: Vec<(String, Value)> = c
        .schemas
        .values()
        .filter(|t| {
            !c.checked.contains(t.name.as_ref()) && !UNSTRUCTURED.contains(&t.name.as_ref())
        })
        .map(|t| (t.name.to_string(), Value::Object(default_arguments(t))))
        .collect();
    for (tool, arguments) in &by_default {
        check_reads(&server, &mut c, &[(tool.as_str(), arguments.clone())]).await;
    }

    server.stop().await;

    let unchecked: Vec<_> = c
        .schemas
        .keys()
        .filter(|name| !c.checked.contains(*name) && !UNSTRUCTURED.contains(&name.as_str()))
        .collect();
    assert!(
        unchecked.is_empty(),
        "tools with no conformance case: {unchecked:?}"
    );
    assert!(
        c.failures.is_empty(),
        "answers that break their output schema:\n{}",
        c.failures.join("\n")
    );
}
