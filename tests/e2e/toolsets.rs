//! A representative set of the space, project and issue tools end to end:
//! in demo mode, and over HTTP against the fake Backlog, where the wire format
//! of the writes is checked.

use crate::support::{SECRET_KEY, ServerEnv, error_text, start, structured, text};
use backlog_mcp::domain::custom_field::CustomFieldType;
use fake_backlog::{FakeBacklog, Model};
use serde_json::{Value, json};

#[tokio::test]
async fn demo_writes_change_the_space_and_answer_with_the_changes() {
    let server = start(ServerEnv::demo()).await;
    let updated = structured(
        &server
            .call(
                "update_issue",
                json!({"issueKey": "WEB-4", "statusId": "In Progress", "assigneeId": "t.sato"}),
            )
            .await,
    );
    assert_eq!(updated["issue"]["status"], "In Progress");
    let fields: Vec<&str> = updated["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["field"].as_str().unwrap())
        .collect();
    assert!(
        fields.contains(&"status") && fields.contains(&"assignee"),
        "{fields:?}"
    );

    let bulk = structured(
        &server
            .call("bulk_update_issues", json!({"issueKeys": ["WEB-13", "WEB-14"], "milestoneId": ["Sprint 42"], "dryRun": true}))
            .await,
    );
    assert_eq!(bulk["summary"]["planned"], 2);

    let metadata = structured(
        &server
            .call("get_project_metadata", json!({"projectKey": "OPS"}))
            .await,
    );
    let statuses: Vec<&str> = metadata["statuses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["未対応", "処理中", "保留", "処理済み", "完了"]);
    assert!(!metadata["members"].as_array().unwrap().is_empty());
    server.stop().await;
}

#[tokio::test]
async fn an_image_attachment_comes_back_as_an_image_and_text_as_a_resource() {
    let server = start(ServerEnv::demo()).await;
    let issue = structured(
        &server
            .call("get_issue", json!({"issueKey": "WEB-20"}))
            .await,
    );
    let attachments = issue["attachments"].as_array().unwrap();
    let png = attachments
        .iter()
        .find(|a| a["name"].as_str().unwrap().ends_with(".png"))
        .unwrap();
    let txt = attachments
        .iter()
        .find(|a| a["name"].as_str().unwrap().ends_with(".txt"))
        .unwrap();

    let image = server
        .call(
            "get_issue_attachment",
            json!({"issueKey": "WEB-20", "attachmentId": png["id"]}),
        )
        .await;
    assert_ne!(image.is_error, Some(true), "{}", text(&image));
    let blocks = serde_json::to_value(&image.content).unwrap();
    assert_eq!(blocks[1]["type"], "image");
    assert_eq!(blocks[1]["mimeType"], "image/png");

    let document = server
        .call(
            "get_issue_attachment",
            json!({"issueKey": "WEB-20", "attachmentId": txt["id"]}),
        )
        .await;
    let blocks = serde_json::to_value(&document.content).unwrap();
    assert_eq!(blocks[1]["type"], "resource");
    assert!(blocks[1]["resource"]["text"].as_str().unwrap().len() > 10);

    let too_big = error_text(
        &server
            .call(
                "get_issue_attachment",
                json!({"issueKey": "WEB-20", "attachmentId": png["id"], "maxBytes": 10}),
            )
            .await,
    );
    assert!(
        too_big.contains("larger than the 10 bytes allowed"),
        "{too_big}"
    );
    server.stop().await;
}

fn fake_env(backlog: &FakeBacklog) -> ServerEnv {
    ServerEnv::space(&backlog.base_url(), SECRET_KEY)
        .var("BACKLOG_RETRY_BASE_MS", "5")
        .var("BACKLOG_RETRY_MAX_MS", "20")
}

fn form(request: &fake_backlog::RecordedRequest) -> Vec<(String, String)> {
    request.form.clone()
}

#[tokio::test]
async fn an_update_over_http_sends_names_resolved_clears_and_indexed_custom_fields() {
    let backlog = FakeBacklog::start(Model::demo().with_api_key(SECRET_KEY)).await;
    let (key, field, items) = backlog.model().inspect(|space| {
        let project = space
            .projects
            .iter()
            .find(|p| p.project.key.as_str() == "WEB")
            .unwrap();
        let multi = project
            .custom_fields
            .iter()
            .find(|f| {
                f.items.len() >= 2
                    && matches!(
                        f.field_type,
                        CustomFieldType::MultipleList | CustomFieldType::CheckBox
                    )
            })
            .unwrap();
        let issue = space
            .issues
            .iter()
            .find(|i| {
                i.project_id == project.project.id
                    && i.assignee.is_some()
                    && (multi.applicable_issue_types.is_empty()
                        || multi.applicable_issue_types.contains(&i.issue_type.id))
            })
            .unwrap();
        (
            issue.key.to_string(),
            multi.name.clone(),
            multi
                .items
                .iter()
                .take(2)
                .map(|i| i.name.clone())
                .collect::<Vec<_>>(),
        )
    });
    let server = start(fake_env(&backlog)).await;
    backlog.clear_requests();
    let answer = structured(
        &server
            .call(
                "update_issue",
                json!({
                    "issueKey": key, "statusId": "In Progress", "assigneeId": null,
                    "categoryId": [], "customFields": [{"id": field, "value": items}],
                    "comment": "Moving on"
                }),
            )
            .await,
    );
    assert_eq!(answer["issue"]["status"], "In Progress");
    assert!(answer["issue"].get("assignee").is_none());
    server.stop().await;

    let patch = backlog
        .requests()
        .into_iter()
        .find(|r| r.method == "PATCH")
        .expect("one PATCH was sent");
    let pairs = form(&patch);
    let has = |name: &str, value: &str| pairs.iter().any(|(k, v)| k == name && v == value);
    assert!(has("statusId", "2"), "{pairs:?}");
    assert!(
        has("assigneeId", ""),
        "null unassigns with an empty value: {pairs:?}"
    );
    assert!(has("categoryId[]", ""), "[] clears the list: {pairs:?}");
    assert!(has("comment", "Moving on"));
    assert!(
        pairs.iter().any(|(k, _)| k.ends_with("[0]")),
        "indexed custom field values: {pairs:?}"
    );
    assert!(
        !pairs
            .iter()
            .any(|(k, _)| k.starts_with("customField_") && k.ends_with("[]")),
        "{pairs:?}"
    );
    assert_eq!(patch.header("backlog-api-key"), Some(SECRET_KEY));
}

#[tokio::test]
async fn an_allow_list_refusal_sends_no_write_to_backlog() {
    let backlog = FakeBacklog::start(Model::demo().with_api_key(SECRET_KEY)).await;
    let server = start(fake_env(&backlog).var("BACKLOG_ALLOWED_PROJECTS", "APP")).await;
    let refusal = error_text(
        &server
            .call("update_issue", json!({"issueKey": "WEB-2", "statusId": 4}))
            .await,
    );
    assert!(
        refusal.contains("BACKLOG_ALLOWED_PROJECTS: APP"),
        "{refusal}"
    );
    let bulk = structured(
        &server
            .call(
                "bulk_update_issues",
                json!({"issueKeys": ["WEB-2", "APP-2"], "priorityId": "High"}),
            )
            .await,
    );
    let outcomes: Vec<(&str, &str)> = bulk["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["issue"].as_str().unwrap(), r["outcome"].as_str().unwrap()))
        .collect();
    assert_eq!(outcomes[0], ("WEB-2", "failed"), "{bulk:?}");
    server.stop().await;
    let writes: Vec<String> = backlog
        .requests()
        .iter()
        .filter(|r| r.method != "GET")
        .map(|r| r.path.clone())
        .collect();
    assert!(writes.iter().all(|p| !p.contains("WEB")), "{writes:?}");
}

#[tokio::test]
async fn get_issues_over_http_is_compact() {
    let backlog = FakeBacklog::start(Model::generated(1, 300).with_api_key(SECRET_KEY)).await;
    let server = start(fake_env(&backlog)).await;
    let result = server.call("get_issues", json!({"count": 100})).await;
    let answer = structured(&result);
    assert_eq!(answer["count"], 100);
    let bytes = text(&result).len();
    assert!(bytes / 100 <= 400, "{} bytes per issue", bytes / 100);
    let value: Value = serde_json::from_str(&text(&result)).unwrap();
    assert_eq!(value, json!(answer));
    server.stop().await;
}
