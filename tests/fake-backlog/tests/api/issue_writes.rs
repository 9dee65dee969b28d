//! `POST /issues`, `PATCH /issues/:k`, `DELETE /issues/:k`: wire semantics, change log,
//! clearing with empty values, custom field encodings, validation errors.

use crate::*;
use fake_backlog::demo::{
    APP, APP_TASK, BACKEND, CF_BROWSER, CF_CUSTOMER, CF_PLATFORMS, CF_POINTS, CF_SEVERITY,
    CF_TARGET, FRONTEND, IOS, SATO, SMITH, SPRINT_13, SUZUKI, V1_0, V2_0, WEB, WEB_BUG, WEB_TASK,
};
use fake_backlog::{ActivityContent, FakeBacklog, Space};

async fn issue_id(server: &FakeBacklog, key: &str) -> i64 {
    get_json(server, &format!("/api/v2/issues/{key}")).await["id"]
        .as_i64()
        .unwrap()
}

fn custom(issue: &Value, field: i64) -> &Value {
    issue["customFields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == field)
        .unwrap_or_else(|| panic!("no custom field {field} in {issue}"))
}

fn change<'a>(comment: &'a Value, field: &str) -> &'a Value {
    comment["changeLog"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["field"] == field)
        .unwrap_or_else(|| panic!("no {field} in {}", comment["changeLog"]))
}

async fn last_comment(server: &FakeBacklog, key: &str) -> Value {
    get_json(server, &format!("/api/v2/issues/{key}/comments?count=1")).await[0].clone()
}

#[tokio::test]
async fn create_answers_201_with_location_and_the_new_issue() {
    let server = FakeBacklog::start(Space::demo()).await;
    let body = format!(
        "projectId={WEB}&summary={}&issueTypeId={WEB_TASK}&priorityId=2&description={}\
         &assigneeId={SUZUKI}&startDate=2024-07-01&dueDate=2024-07-05&estimatedHours=1.5\
         &categoryId%5B%5D={FRONTEND}&categoryId[]={BACKEND}&milestoneId[]={SPRINT_13}&versionId[]={V1_0}\
         &customField_{CF_POINTS}=5&customField_{CF_CUSTOMER}={}&notifiedUserId[]={SMITH}",
        enc("新しいログイン画面"),
        enc("Line 1\nLine 2 & more"),
        enc("ACME 株式会社"),
    );
    let answer = form(&server, "POST", "/api/v2/issues", &body).await;
    assert_eq!(answer.status, 201, "{}", answer.text);
    assert_eq!(
        answer.header("location"),
        Some(format!("{}/view/WEB-19", server.base_url()).as_str())
    );
    assert!(
        answer
            .header("content-type")
            .unwrap()
            .starts_with("application/json")
    );
    let issue = answer.json();
    assert_eq!(issue["issueKey"], "WEB-19");
    assert_eq!(issue["keyId"], 19);
    assert_eq!(issue["projectId"], WEB);
    assert_eq!(issue["summary"], "新しいログイン画面");
    assert_eq!(issue["description"], "Line 1\nLine 2 & more");
    assert_eq!(issue["status"]["id"], 1);
    assert_eq!(issue["status"]["name"], "Open");
    assert_eq!(
        issue["priority"],
        serde_json::json!({"id": 2, "name": "High"})
    );
    assert_eq!(issue["resolution"], Value::Null);
    assert_eq!(issue["issueType"]["id"], WEB_TASK);
    assert_eq!(issue["assignee"]["id"], SUZUKI);
    assert_eq!(issue["startDate"], "2024-07-01T00:00:00Z");
    assert_eq!(issue["dueDate"], "2024-07-05T00:00:00Z");
    assert_eq!(issue["estimatedHours"], 1.5);
    assert_eq!(issue["actualHours"], Value::Null);
    assert_eq!(issue["category"][0]["id"], FRONTEND);
    assert_eq!(issue["category"][1]["id"], BACKEND);
    assert_eq!(issue["milestone"][0]["id"], SPRINT_13);
    assert_eq!(issue["versions"][0]["id"], V1_0);
    assert_eq!(issue["createdUser"]["id"], SATO);
    assert_eq!(issue["updatedUser"]["id"], SATO);
    assert_eq!(issue["created"], issue["updated"]);
    assert_eq!(custom(&issue, CF_POINTS)["value"], 5);
    assert_eq!(custom(&issue, CF_CUSTOMER)["value"], "ACME 株式会社");
    assert_eq!(get_json(&server, "/api/v2/issues/WEB-19").await, issue);
    assert_eq!(get_json(&server, "/api/v2/issues/count").await["count"], 31);
    // It is the newest update and has an "issue created" activity.
    let newest = get_json(&server, "/api/v2/issues?count=1").await;
    assert_eq!(keys(&newest), ["WEB-19"]);
    let activity = server.space().last_activity().unwrap();
    assert_eq!(activity.type_id, 1);
    assert!(matches!(
        activity.content,
        ActivityContent::Issue { key_id: 19, .. }
    ));
}

#[tokio::test]
async fn create_names_the_missing_or_unknown_parameter() {
    let server = FakeBacklog::start(Space::demo()).await;
    let app_1 = issue_id(&server, "APP-1").await;
    let web_2 = issue_id(&server, "WEB-2").await;
    let base = format!("projectId={WEB}&summary=S&issueTypeId={WEB_TASK}&priorityId=3");
    for (body, parameter) in [
        (String::new(), "projectId"),
        (
            format!("summary=S&issueTypeId={WEB_TASK}&priorityId=3"),
            "projectId",
        ),
        (
            format!("projectId={WEB}&issueTypeId={WEB_TASK}&priorityId=3"),
            "summary",
        ),
        (
            format!("projectId={WEB}&summary=+&issueTypeId={WEB_TASK}&priorityId=3"),
            "summary",
        ),
        (
            format!("projectId={WEB}&summary=S&priorityId=3"),
            "issueTypeId",
        ),
        (
            format!("projectId={WEB}&summary=S&issueTypeId={WEB_TASK}"),
            "priorityId",
        ),
        (
            format!("projectId={WEB}&summary=S&issueTypeId={APP_TASK}&priorityId=3"),
            "issueTypeId",
        ),
        (
            format!("projectId={WEB}&summary=S&issueTypeId=x&priorityId=3"),
            "issueTypeId",
        ),
        (
            format!("{base}&priorityId=9").replace("priorityId=3&", ""),
            "priorityId",
        ),
        (format!("{base}&categoryId[]={IOS}"), "categoryId"),
        (format!("{base}&milestoneId[]={V2_0}"), "milestoneId"),
        (format!("{base}&versionId[]=1"), "versionId"),
        (format!("{base}&assigneeId=999"), "assigneeId"),
        (format!("{base}&notifiedUserId[]=999"), "notifiedUserId"),
        (format!("{base}&attachmentId[]=999"), "attachmentId"),
        (format!("{base}&parentIssueId={app_1}"), "parentIssueId"),
        (format!("{base}&parentIssueId={web_2}"), "parentIssueId"),
        (format!("{base}&parentIssueId=1"), "parentIssueId"),
        (
            format!("{base}&startDate=2024-07-05&dueDate=2024-07-01"),
            "startDate",
        ),
        (format!("{base}&dueDate=2024%2F07%2F01"), "dueDate"),
        (format!("{base}&estimatedHours=-1"), "estimatedHours"),
        (format!("{base}&actualHours=lots"), "actualHours"),
        (format!("{base}&customField_999=1"), "customField_999"),
        (
            format!("{base}&customField_{CF_BROWSER}=9"),
            &format!("customField_{CF_BROWSER}"),
        ),
        (
            format!("{base}&customField_{CF_POINTS}=abc"),
            &format!("customField_{CF_POINTS}"),
        ),
        (
            format!("{base}&customField_{CF_TARGET}=tomorrow"),
            &format!("customField_{CF_TARGET}"),
        ),
        // Platforms only applies to bugs.
        (
            format!("{base}&customField_{CF_PLATFORMS}=1"),
            &format!("customField_{CF_PLATFORMS}"),
        ),
        (
            format!("{base}&customField_{CF_CUSTOMER}_otherValue=x"),
            "otherValue",
        ),
        (
            format!("{base}&customField_{CF_BROWSER}=1&customField_{CF_BROWSER}=2"),
            &format!("customField_{CF_BROWSER}"),
        ),
    ] {
        expect_invalid(&server, "POST", "/api/v2/issues", &body, parameter).await;
    }
    // Suzuki is not a member of APP.
    expect_invalid(
        &server,
        "POST",
        "/api/v2/issues",
        &format!(
            "projectId={APP}&summary=S&issueTypeId={APP_TASK}&priorityId=3&assigneeId={SUZUKI}"
        ),
        "assigneeId",
    )
    .await;
    assert_eq!(server.space().issue_count(), 30, "nothing was created");
}

#[tokio::test]
async fn the_bracket_array_form_of_custom_fields_is_refused_like_backlog() {
    let server = FakeBacklog::start(Space::demo()).await;
    let before = server.space().issue("WEB-2").unwrap();
    for body in [
        format!("customField_{CF_PLATFORMS}[]=1&customField_{CF_PLATFORMS}[]=2"),
        format!("customField_{CF_PLATFORMS}%5B%5D=1"),
        format!("summary=Changed&customField_{CF_PLATFORMS}%5B%5D=1"),
    ] {
        expect_invalid(
            &server,
            "PATCH",
            "/api/v2/issues/WEB-2",
            &body,
            &format!("customField_{CF_PLATFORMS}[]"),
        )
        .await;
    }
    assert_eq!(server.space().issue("WEB-2").unwrap(), before, "unchanged");
    expect_invalid(
        &server,
        "POST",
        "/api/v2/issues",
        &format!(
            "projectId={WEB}&summary=S&issueTypeId={WEB_BUG}&priorityId=3&customField_{CF_PLATFORMS}[]=1"
        ),
        &format!("customField_{CF_PLATFORMS}[]"),
    )
    .await;
    assert_eq!(server.space().issue_count(), 30);
}

#[tokio::test]
async fn multiple_values_bare_repeated_or_indexed() {
    let server = FakeBacklog::start(Space::demo()).await;
    let patch = |body: String| {
        let server = &server;
        async move { form_json(server, "PATCH", "/api/v2/issues/WEB-2", &body, 200).await }
    };
    let item_ids = |issue: &Value| -> Vec<i64> {
        custom(issue, CF_PLATFORMS)["value"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_i64().unwrap())
            .collect()
    };
    let issue = patch(format!(
        "customField_{CF_PLATFORMS}=2&customField_{CF_PLATFORMS}=3"
    ))
    .await;
    assert_eq!(item_ids(&issue), [2, 3]);
    assert_eq!(custom(&issue, CF_PLATFORMS)["value"][0]["name"], "Windows");
    assert_eq!(
        change(&last_comment(&server, "WEB-2").await, "Platforms")["newValue"],
        "Windows, Linux"
    );
    let issue = patch(format!(
        "customField_{CF_PLATFORMS}[1]=5&customField_{CF_PLATFORMS}%5B0%5D=1"
    ))
    .await;
    assert_eq!(item_ids(&issue), [1, 5], "ordered by index");
    // An empty value clears: the issue lists only the fields that hold something.
    let issue = patch(format!(
        "customField_{CF_PLATFORMS}=&customField_{CF_BROWSER}="
    ))
    .await;
    let listed: Vec<&Value> = issue["customFields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| &f["id"])
        .collect();
    assert!(!listed.contains(&&Value::from(CF_PLATFORMS)), "{listed:?}");
    assert!(!listed.contains(&&Value::from(CF_BROWSER)), "{listed:?}");
    let log = last_comment(&server, "WEB-2").await;
    let browser = change(&log, "Browser");
    assert_eq!(browser["originalValue"], "Safari");
    assert_eq!(browser["newValue"], Value::Null);
    assert_eq!(
        browser["attributeInfo"],
        serde_json::json!({"id": CF_BROWSER, "typeId": 5})
    );
}

#[tokio::test]
async fn radio_other_value_date_and_text_fields() {
    let server = FakeBacklog::start(Space::demo()).await;
    let issue = form_json(
        &server,
        "PATCH",
        "/api/v2/issues/WEB-7",
        &format!(
            "customField_{CF_SEVERITY}=2&customField_{CF_SEVERITY}_otherValue={}&customField_{CF_TARGET}=2024-08-01&customField_{CF_CUSTOMER}={}",
            enc("Only on staging"),
            enc("山田商事")
        ),
        200,
    )
    .await;
    let severity = custom(&issue, CF_SEVERITY);
    assert_eq!(severity["fieldTypeId"], 8);
    assert_eq!(
        severity["value"],
        serde_json::json!({"id": 2, "name": "Major", "displayOrder": 1})
    );
    assert_eq!(severity["otherValue"], "Only on staging");
    assert_eq!(custom(&issue, CF_TARGET)["value"], "2024-08-01T00:00:00Z");
    assert_eq!(custom(&issue, CF_CUSTOMER)["value"], "山田商事");
    let log = last_comment(&server, "WEB-7").await;
    assert_eq!(
        change(&log, "Severity")["newValue"],
        "Major, Only on staging"
    );
    assert_eq!(change(&log, "Target date")["newValue"], "2024-08-01");
    // Clearing the other value only.
    let issue = form_json(
        &server,
        "PATCH",
        "/api/v2/issues/WEB-7",
        &format!("customField_{CF_SEVERITY}_otherValue="),
        200,
    )
    .await;
    assert_eq!(custom(&issue, CF_SEVERITY)["otherValue"], Value::Null);
    assert_eq!(custom(&issue, CF_SEVERITY)["value"]["id"], 2);
}

#[tokio::test]
async fn update_sets_every_parameter_and_logs_display_values() {
    let server = FakeBacklog::start(Space::demo()).await;
    let before = get_json(&server, "/api/v2/issues/WEB-9").await;
    let comments_before = before_comments(&server, "WEB-9").await;
    let web_12 = issue_id(&server, "WEB-12").await;
    let body = format!(
        "summary={}&description={}&statusId=2&resolutionId=1&issueTypeId={WEB_TASK}&priorityId=2\
         &assigneeId={SUZUKI}&startDate=2024-07-02&dueDate=2024-07-09&estimatedHours=2.5&actualHours=1\
         &categoryId[]={FRONTEND}&categoryId%5B%5D={BACKEND}&versionId[]={V1_0}&milestoneId[]={SPRINT_13}\
         &parentIssueId={web_12}&comment={}&notifiedUserId[]={SMITH}",
        enc("Privacy policy v2"),
        enc("新しい説明"),
        enc("Let's go: 開始します"),
    );
    let issue = form_json(&server, "PATCH", "/api/v2/issues/WEB-9", &body, 200).await;
    assert_eq!(issue["summary"], "Privacy policy v2");
    assert_eq!(issue["description"], "新しい説明");
    assert_eq!(issue["status"]["name"], "In Progress");
    assert_eq!(
        issue["resolution"],
        serde_json::json!({"id": 1, "name": "Won't Fix"})
    );
    assert_eq!(issue["issueType"]["name"], "Task");
    assert_eq!(issue["priority"]["id"], 2);
    assert_eq!(issue["assignee"]["id"], SUZUKI);
    assert_eq!(issue["startDate"], "2024-07-02T00:00:00Z");
    assert_eq!(issue["dueDate"], "2024-07-09T00:00:00Z");
    assert_eq!(issue["estimatedHours"], 2.5);
    assert_eq!(issue["actualHours"], 1.0);
    assert_eq!(issue["category"].as_array().unwrap().len(), 2);
    assert_eq!(issue["versions"][0]["id"], V1_0);
    assert_eq!(issue["milestone"][0]["id"], SPRINT_13);
    assert_eq!(issue["parentIssueId"], web_12);
    assert_eq!(issue["updatedUser"]["id"], SATO);
    assert!(issue["updated"].as_str() > before["updated"].as_str());
    assert_eq!(issue["created"], before["created"]);

    let comments = get_json(&server, "/api/v2/issues/WEB-9/comments?order=asc").await;
    assert_eq!(comments.as_array().unwrap().len(), comments_before + 1);
    let comment = last_comment(&server, "WEB-9").await;
    assert_eq!(comment["content"], "Let's go: 開始します");
    assert_eq!(comment["created"], issue["updated"]);
    assert_eq!(comment["createdUser"]["id"], SATO);
    assert_eq!(comment["notifications"][0]["user"]["id"], SMITH);
    let expect = |field: &str, original: Value, new: Value| {
        let c = change(&comment, field);
        assert_eq!(
            (&c["originalValue"], &c["newValue"]),
            (&original, &new),
            "{field}"
        );
    };
    use serde_json::json;
    expect(
        "summary",
        json!("Update privacy policy page"),
        json!("Privacy policy v2"),
    );
    expect("status", json!("Open"), json!("In Progress"));
    expect("resolution", Value::Null, json!("Won't Fix"));
    expect("issueType", json!("Other"), json!("Task"));
    expect("priority", json!("Normal"), json!("High"));
    expect("assigner", Value::Null, json!("鈴木 花子"));
    expect("startDate", Value::Null, json!("2024-07-02"));
    expect("limitDate", Value::Null, json!("2024-07-09"));
    expect("estimatedHours", Value::Null, json!("2.5"));
    expect("actualHours", Value::Null, json!("1"));
    expect("component", Value::Null, json!("Frontend, Backend"));
    expect("version", Value::Null, json!("v1.0"));
    expect("milestone", Value::Null, json!("Sprint 13"));
    expect("parentIssue", Value::Null, json!("WEB-12"));
    assert!(change(&comment, "description")["newValue"] == "新しい説明");

    // An "issue updated" activity with the comment and status ids.
    let activity = get_json(&server, "/api/v2/space/activities?count=1").await;
    let activity = &activity[0];
    assert_eq!(activity["type"], 2);
    assert_eq!(activity["content"]["key_id"], 9);
    assert_eq!(
        activity["content"]["comment"]["content"],
        "Let's go: 開始します"
    );
    let status = activity["content"]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["field"] == "status")
        .unwrap();
    assert_eq!(
        (&status["old_value"], &status["new_value"]),
        (&json!("1"), &json!("2"))
    );
}

async fn before_comments(server: &FakeBacklog, key: &str) -> usize {
    get_json(server, &format!("/api/v2/issues/{key}/comments/count")).await["count"]
        .as_u64()
        .unwrap() as usize
}

#[tokio::test]
async fn empty_values_clear() {
    let server = FakeBacklog::start(Space::demo()).await;
    let issue = form_json(
        &server,
        "PATCH",
        "/api/v2/issues/WEB-2",
        "assigneeId=&dueDate=&startDate=&parentIssueId=&estimatedHours=&actualHours=&resolutionId=&categoryId%5B%5D=&milestoneId[]=",
        200,
    )
    .await;
    for member in [
        "assignee",
        "dueDate",
        "startDate",
        "parentIssueId",
        "estimatedHours",
        "actualHours",
        "resolution",
    ] {
        assert_eq!(issue[member], Value::Null, "{member}");
    }
    assert_eq!(issue["category"], serde_json::json!([]));
    assert_eq!(issue["milestone"], serde_json::json!([]));
    let comment = last_comment(&server, "WEB-2").await;
    assert_eq!(comment["content"], "");
    assert_eq!(change(&comment, "assigner")["originalValue"], "Taro Sato");
    assert_eq!(change(&comment, "assigner")["newValue"], Value::Null);
    assert_eq!(change(&comment, "limitDate")["originalValue"], "2024-06-07");
    assert_eq!(change(&comment, "parentIssue")["originalValue"], "WEB-1");
    assert_eq!(change(&comment, "component")["originalValue"], "Frontend");
    assert_eq!(change(&comment, "estimatedHours")["originalValue"], "4.5");
    let fields: Vec<&str> = comment["changeLog"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["field"].as_str().unwrap())
        .collect();
    assert!(
        !fields.contains(&"resolution"),
        "it was already empty: {fields:?}"
    );
    assert!(!fields.contains(&"actualHours"), "{fields:?}");
    // A bracket-less categoryId is not the array parameter: nothing happens.
    let web_1 = form_json(&server, "PATCH", "/api/v2/issues/WEB-1", "categoryId=", 200).await;
    assert_eq!(web_1["category"][0]["id"], FRONTEND);
    // A resolution is cleared the same way.
    let closed = form_json(
        &server,
        "PATCH",
        "/api/v2/issues/WEB-5",
        "resolutionId=",
        200,
    )
    .await;
    assert_eq!(closed["resolution"], Value::Null);
}

#[tokio::test]
async fn comment_only_and_empty_updates() {
    let server = FakeBacklog::start(Space::demo()).await;
    let before = get_json(&server, "/api/v2/issues/WEB-11").await;
    // Nothing sent: nothing changes.
    let same = form_json(&server, "PATCH", "/api/v2/issues/WEB-11", "", 200).await;
    assert_eq!(same, before);
    // Values equal to the current ones: no change either.
    let same = form_json(
        &server,
        "PATCH",
        "/api/v2/issues/WEB-11",
        "statusId=1&priorityId=4",
        200,
    )
    .await;
    assert_eq!(same, before);
    assert_eq!(before_comments(&server, "WEB-11").await, 0);
    // Only a comment: a comment with an empty change log, a "commented" activity.
    let issue = form_json(
        &server,
        "PATCH",
        "/api/v2/issues/WEB-11",
        "comment=Any+news%3F",
        200,
    )
    .await;
    let comment = last_comment(&server, "WEB-11").await;
    assert_eq!(comment["content"], "Any news?");
    assert_eq!(comment["changeLog"], serde_json::json!([]));
    assert_eq!(issue["updated"], comment["created"]);
    assert_eq!(server.space().last_activity().unwrap().type_id, 3);
}

#[tokio::test]
async fn update_validation_and_missing_issue() {
    let server = FakeBacklog::start(Space::demo()).await;
    let web_3 = issue_id(&server, "WEB-3").await;
    let web_5 = issue_id(&server, "WEB-5").await;
    for (key, body, parameter) in [
        ("WEB-3", "summary=".to_owned(), "summary"),
        ("WEB-3", "statusId=999".to_owned(), "statusId"),
        ("WEB-3", "statusId=abc".to_owned(), "statusId"),
        ("WEB-3", "resolutionId=7".to_owned(), "resolutionId"),
        ("WEB-3", format!("issueTypeId={APP_TASK}"), "issueTypeId"),
        ("WEB-3", format!("parentIssueId={web_3}"), "parentIssueId"),
        // WEB-1 has children: it cannot become a child.
        ("WEB-1", format!("parentIssueId={web_5}"), "parentIssueId"),
        // WEB-3 is due 2024-06-10.
        ("WEB-3", "startDate=2024-06-11".to_owned(), "startDate"),
        ("WEB-3", "estimatedHours=-0.5".to_owned(), "estimatedHours"),
        (
            "WEB-3",
            format!("customField_{CF_BROWSER}=0"),
            &format!("customField_{CF_BROWSER}"),
        ),
        (
            "WEB-3",
            format!("customField_{CF_BROWSER}_otherValue=x"),
            "otherValue",
        ),
        ("WEB-3", "attachmentId[]=901".to_owned(), "attachmentId"),
    ] {
        expect_invalid(
            &server,
            "PATCH",
            &format!("/api/v2/issues/{key}"),
            &body,
            parameter,
        )
        .await;
    }
    // The OLD project has subtasking disabled.
    let old_1 = issue_id(&server, "OLD-1").await;
    expect_invalid(
        &server,
        "PATCH",
        "/api/v2/issues/OLD-2",
        &format!("parentIssueId={old_1}"),
        "parentIssueId",
    )
    .await;
    let missing = form(&server, "PATCH", "/api/v2/issues/WEB-999", "summary=x").await;
    assert_eq!(missing.status, 404);
    assert_eq!(backlog_error(&missing), (6, "No issue.".to_owned()));
    assert_eq!(
        before_comments(&server, "WEB-3").await,
        1,
        "no comment was added"
    );
}

#[tokio::test]
async fn attachments_by_id_are_attached_with_a_change_log() {
    let server = FakeBacklog::start(Space::demo()).await;
    let staged = server
        .space()
        .stage_attachment("trace.txt", b"trace".to_vec());
    let issue = form_json(
        &server,
        "PATCH",
        "/api/v2/issues/WEB-11",
        &format!("attachmentId%5B%5D={}", staged.id),
        200,
    )
    .await;
    assert_eq!(issue["attachments"][0]["name"], "trace.txt");
    assert_eq!(issue["attachments"][0]["size"], 5);
    let comment = last_comment(&server, "WEB-11").await;
    let entry = change(&comment, "attachment");
    assert_eq!(entry["newValue"], "trace.txt");
    assert_eq!(
        entry["attachmentInfo"],
        serde_json::json!({"id": staged.id, "name": "trace.txt"})
    );
    // Used up: a second use is unknown.
    expect_invalid(
        &server,
        "PATCH",
        "/api/v2/issues/WEB-11",
        &format!("attachmentId[]={}", staged.id),
        "attachmentId",
    )
    .await;
    // On creation too.
    let staged = server.space().stage_attachment("spec.pdf", vec![1, 2, 3]);
    let created = form_json(
        &server,
        "POST",
        "/api/v2/issues",
        &format!(
            "projectId={WEB}&summary=With+file&issueTypeId={WEB_TASK}&priorityId=3&attachmentId[]={}",
            staged.id
        ),
        201,
    )
    .await;
    assert_eq!(created["attachments"][0]["id"], staged.id);
}

#[tokio::test]
async fn delete_answers_with_the_issue_and_unlinks_it() {
    let server = FakeBacklog::start(Space::demo()).await;
    let web_12 = get_json(&server, "/api/v2/issues/WEB-12").await;
    let answer = form(&server, "DELETE", "/api/v2/issues/WEB-12", "").await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_eq!(answer.json(), web_12);
    assert_eq!(get(&server, "/api/v2/issues/WEB-12").await.status, 404);
    assert_eq!(get_json(&server, "/api/v2/issues/count").await["count"], 29);
    // Its child has no parent any more, its related link and watching are gone.
    assert_eq!(
        get_json(&server, "/api/v2/issues/WEB-16").await["parentIssueId"],
        Value::Null
    );
    assert_eq!(
        get_json(&server, "/api/v2/issues/WEB-13/relatedIssues").await,
        serde_json::json!([])
    );
    assert!(
        server
            .space()
            .watchings()
            .iter()
            .all(|w| w.issue_id != web_12["id"])
    );
    let activity = server.space().last_activity().unwrap();
    assert_eq!(activity.type_id, 4);
    // By key or id; a second delete is a 404.
    let again = form(
        &server,
        "DELETE",
        &format!("/api/v2/issues/{}", web_12["id"]),
        "",
    )
    .await;
    assert_eq!(again.status, 404);
    assert_eq!(backlog_error(&again).0, 6);
}
