//! `POST /projects`, `PATCH /projects/:p`, `POST /projects/:p/categories`,
//! `POST / PATCH / DELETE /projects/:p/versions[/:id]`.

use crate::*;
use fake_backlog::demo::{SATO, SPRINT_12, SPRINT_13, WEB};
use fake_backlog::{FakeBacklog, Space};

const NEW_PROJECT: &str =
    "name=New+Site&key=NEW&chartEnabled=true&subtaskingEnabled=false&textFormattingRule=backlog";

#[tokio::test]
async fn add_project() {
    let server = FakeBacklog::start(Space::demo()).await;
    let project = form_json(
        &server,
        "POST",
        "/api/v2/projects",
        &format!("{NEW_PROJECT}&projectLeaderCanEditProjectLeader=true"),
        200,
    )
    .await;
    assert_eq!(project["projectKey"], "NEW");
    assert_eq!(project["name"], "New Site");
    assert_eq!(project["chartEnabled"], true);
    assert_eq!(project["subtaskingEnabled"], false);
    assert_eq!(project["textFormattingRule"], "backlog");
    assert_eq!(project["projectLeaderCanEditProjectLeader"], true);
    assert_eq!(project["archived"], false);
    let same_members: Vec<&str> = project
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let web = get_json(&server, "/api/v2/projects/WEB").await;
    let web_members: Vec<&str> = web
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(same_members, web_members);
    assert_eq!(get_json(&server, "/api/v2/projects/NEW").await, project);
    assert_eq!(
        get_json(&server, "/api/v2/projects")
            .await
            .as_array()
            .unwrap()
            .len(),
        4
    );
    // Ready for issues: default statuses and issue types, "myself" as member.
    let types = get_json(&server, "/api/v2/projects/NEW/issueTypes").await;
    let names: Vec<&str> = types
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Task", "Bug", "Request", "Other"]);
    assert_eq!(
        get_json(&server, "/api/v2/projects/NEW/statuses")
            .await
            .as_array()
            .unwrap()
            .len(),
        4
    );
    assert_eq!(
        get_json(&server, "/api/v2/projects/NEW/users").await[0]["id"],
        SATO
    );
    let issue = form_json(
        &server,
        "POST",
        "/api/v2/issues",
        &format!(
            "projectId={}&summary=First&issueTypeId={}&priorityId=3&assigneeId={SATO}",
            project["id"], types[0]["id"]
        ),
        201,
    )
    .await;
    assert_eq!(issue["issueKey"], "NEW-1");
    assert_eq!(server.space().project("NEW").unwrap().name, "New Site");
}

#[tokio::test]
async fn add_project_validation() {
    let server = FakeBacklog::start(Space::demo()).await;
    let without = |name: &str| {
        NEW_PROJECT
            .split('&')
            .filter(|p| !p.starts_with(&format!("{name}=")))
            .collect::<Vec<_>>()
            .join("&")
    };
    for name in [
        "name",
        "key",
        "chartEnabled",
        "subtaskingEnabled",
        "textFormattingRule",
    ] {
        expect_invalid(&server, "POST", "/api/v2/projects", &without(name), name).await;
    }
    for (body, parameter) in [
        (NEW_PROJECT.replace("key=NEW", "key=WEB"), "key"),
        (NEW_PROJECT.replace("key=NEW", "key=web"), "key"),
        (NEW_PROJECT.replace("key=NEW", "key=new"), "key"),
        (NEW_PROJECT.replace("key=NEW", "key=1ABC"), "key"),
        (NEW_PROJECT.replace("key=NEW", "key=NEW-SITE"), "key"),
        (NEW_PROJECT.replace("key=NEW", "key=ABCDEFGHIJK"), "key"),
        (
            NEW_PROJECT.replace("=backlog", "=html"),
            "textFormattingRule",
        ),
        (
            NEW_PROJECT.replace("chartEnabled=true", "chartEnabled=yes"),
            "chartEnabled",
        ),
        (
            format!("{NEW_PROJECT}&projectLeaderCanEditProjectLeader=1"),
            "projectLeaderCanEditProjectLeader",
        ),
    ] {
        expect_invalid(&server, "POST", "/api/v2/projects", &body, parameter).await;
    }
    assert_eq!(
        get_json(&server, "/api/v2/projects")
            .await
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

#[tokio::test]
async fn update_project() {
    let server = FakeBacklog::start(Space::demo()).await;
    let project = form_json(
        &server,
        "PATCH",
        "/api/v2/projects/APP",
        "name=Mobile+App+2&key=MOBILE&archived=true&subtaskingEnabled=false&textFormattingRule=markdown&useWiki=false",
        200,
    )
    .await;
    assert_eq!(project["projectKey"], "MOBILE");
    assert_eq!(project["name"], "Mobile App 2");
    assert_eq!(project["archived"], true);
    assert_eq!(project["subtaskingEnabled"], false);
    assert_eq!(project["textFormattingRule"], "markdown");
    assert_eq!(project["useWiki"], false);
    assert_eq!(project["chartEnabled"], true, "unchanged");
    // Issue keys follow the project key.
    assert_eq!(
        get_json(&server, "/api/v2/issues/MOBILE-2").await["issueKey"],
        "MOBILE-2"
    );
    assert_eq!(get(&server, "/api/v2/projects/APP").await.status, 404);
    // Its own key again is fine; another project's is not.
    form_json(
        &server,
        "PATCH",
        "/api/v2/projects/MOBILE",
        "key=MOBILE",
        200,
    )
    .await;
    for (body, parameter) in [
        ("key=WEB", "key"),
        ("key=", "key"),
        ("name=", "name"),
        ("archived=maybe", "archived"),
        ("textFormattingRule=wiki", "textFormattingRule"),
    ] {
        expect_invalid(&server, "PATCH", "/api/v2/projects/MOBILE", body, parameter).await;
    }
    let missing = form(&server, "PATCH", "/api/v2/projects/NOPE", "name=x").await;
    assert_eq!(missing.status, 404);
    assert_eq!(backlog_error(&missing), (6, "No project.".to_owned()));
}

#[tokio::test]
async fn add_category() {
    let server = FakeBacklog::start(Space::demo()).await;
    let category = form_json(
        &server,
        "POST",
        "/api/v2/projects/WEB/categories",
        &format!("name={}", enc("デザイン")),
        200,
    )
    .await;
    let members: Vec<&str> = category
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(members, ["id", "projectId", "name", "displayOrder"]);
    assert_eq!(category["name"], "デザイン");
    assert_eq!(category["projectId"], WEB);
    let listed = get_json(&server, "/api/v2/projects/WEB/categories").await;
    assert_eq!(listed.as_array().unwrap().last().unwrap(), &category);
    // Usable at once.
    form_json(
        &server,
        "PATCH",
        "/api/v2/issues/WEB-9",
        &format!("categoryId[]={}", category["id"]),
        200,
    )
    .await;
    for body in ["", "name=", "name=Frontend"] {
        expect_invalid(
            &server,
            "POST",
            "/api/v2/projects/WEB/categories",
            body,
            "name",
        )
        .await;
    }
    // The same name in another project is fine.
    form_json(
        &server,
        "POST",
        "/api/v2/projects/APP/categories",
        "name=Frontend",
        200,
    )
    .await;
    assert_eq!(
        form(
            &server,
            "POST",
            "/api/v2/projects/NOPE/categories",
            "name=x"
        )
        .await
        .status,
        404
    );
}

#[tokio::test]
async fn add_update_delete_versions() {
    let server = FakeBacklog::start(Space::demo()).await;
    let version = form_json(
        &server,
        "POST",
        "/api/v2/projects/WEB/versions",
        &format!(
            "name=Sprint+14&description={}&startDate=2024-07-01&releaseDueDate=2024-07-12",
            enc("夏")
        ),
        200,
    )
    .await;
    assert_eq!(version["name"], "Sprint 14");
    assert_eq!(version["description"], "夏");
    assert_eq!(version["startDate"], "2024-07-01T00:00:00Z");
    assert_eq!(version["releaseDueDate"], "2024-07-12T00:00:00Z");
    assert_eq!(version["archived"], false);
    assert_eq!(version["displayOrder"], 4);
    let id = version["id"].as_i64().unwrap();
    let path = format!("/api/v2/projects/WEB/versions/{id}");
    let listed = get_json(&server, "/api/v2/projects/WEB/versions").await;
    assert_eq!(listed.as_array().unwrap().last().unwrap(), &version);
    let bare = form_json(
        &server,
        "POST",
        "/api/v2/projects/WEB/versions",
        "name=Someday",
        200,
    )
    .await;
    assert_eq!(bare["description"], Value::Null);
    assert_eq!(bare["startDate"], Value::Null);

    // Update: the name is required; empty dates clear.
    let updated = form_json(
        &server,
        "PATCH",
        &path,
        "name=Sprint+14b&releaseDueDate=&archived=true&description=",
        200,
    )
    .await;
    assert_eq!(updated["name"], "Sprint 14b");
    assert_eq!(updated["releaseDueDate"], Value::Null);
    assert_eq!(updated["startDate"], "2024-07-01T00:00:00Z", "unchanged");
    assert_eq!(updated["archived"], true);
    assert_eq!(updated["description"], "");
    expect_invalid(&server, "PATCH", &path, "archived=false", "name").await;
    expect_invalid(&server, "PATCH", &path, "name=Sprint+13", "name").await;
    expect_invalid(
        &server,
        "PATCH",
        &path,
        "name=x&startDate=2024-08-02&releaseDueDate=2024-08-01",
        "startDate",
    )
    .await;

    // Add validation.
    for (body, parameter) in [
        ("", "name"),
        ("name=Sprint+12", "name"),
        ("name=x&startDate=2024-7-1", "startDate"),
        (
            "name=x&startDate=2024-07-02&releaseDueDate=2024-07-01",
            "startDate",
        ),
    ] {
        expect_invalid(
            &server,
            "POST",
            "/api/v2/projects/WEB/versions",
            body,
            parameter,
        )
        .await;
    }

    // Delete answers with the version and takes it off issues.
    let web_1 = get_json(&server, "/api/v2/issues/WEB-1").await;
    assert_eq!(web_1["milestone"][0]["id"], SPRINT_12);
    let deleted = form_json(
        &server,
        "DELETE",
        &format!("/api/v2/projects/WEB/versions/{SPRINT_12}"),
        "",
        200,
    )
    .await;
    assert_eq!(deleted["name"], "Sprint 12");
    assert_eq!(
        get_json(&server, "/api/v2/issues/WEB-1").await["milestone"],
        serde_json::json!([])
    );
    assert_eq!(
        get_json(
            &server,
            &format!("/api/v2/issues/count?milestoneId[]={SPRINT_12}")
        )
        .await["count"],
        0
    );
    for (method, path) in [
        (
            "DELETE",
            format!("/api/v2/projects/WEB/versions/{SPRINT_12}"),
        ),
        (
            "PATCH",
            format!("/api/v2/projects/APP/versions/{SPRINT_13}"),
        ),
        ("PATCH", "/api/v2/projects/WEB/versions/abc".to_owned()),
    ] {
        let answer = form(&server, method, &path, "name=x").await;
        assert_eq!(answer.status, 404, "{method} {path}");
        assert_eq!(backlog_error(&answer), (6, "No version.".to_owned()));
    }
}
