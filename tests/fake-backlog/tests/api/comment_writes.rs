//! `POST /issues/:k/comments` (201 + Location) and `PATCH /issues/:k/comments/:id`
//! (author only: 403 / code 5 otherwise).

use crate::*;
use fake_backlog::demo::{SATO, SMITH, SUZUKI};
use fake_backlog::{FakeBacklog, Space};

#[tokio::test]
async fn add_answers_201_with_location_and_the_comment() {
    let server = FakeBacklog::start(Space::demo()).await;
    let body = format!(
        "content={}&notifiedUserId[]={SMITH}&notifiedUserId%5B%5D={SUZUKI}",
        enc("確認しました。\n明日対応します & more")
    );
    let answer = form(&server, "POST", "/api/v2/issues/WEB-9/comments", &body).await;
    assert_eq!(answer.status, 201, "{}", answer.text);
    let comment = answer.json();
    let id = comment["id"].as_i64().unwrap();
    assert_eq!(
        answer.header("location"),
        Some(format!("{}/view/WEB-9#comment-{id}", server.base_url()).as_str())
    );
    assert_eq!(comment["content"], "確認しました。\n明日対応します & more");
    assert_eq!(comment["changeLog"], serde_json::json!([]));
    assert_eq!(comment["createdUser"]["id"], SATO);
    assert_eq!(comment["created"], comment["updated"]);
    let notified: Vec<i64> = comment["notifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["user"]["id"].as_i64().unwrap())
        .collect();
    assert_eq!(notified, [SMITH, SUZUKI]);
    let n = &comment["notifications"][0];
    assert_eq!(n["alreadyRead"], false);
    assert_eq!(n["resourceAlreadyRead"], false);
    assert!(n["reason"].is_i64() && n["id"].is_i64());
    // Listed, counted, and the issue moved.
    let one = get_json(&server, &format!("/api/v2/issues/WEB-9/comments/{id}")).await;
    assert_eq!(one, comment);
    assert_eq!(
        get_json(&server, "/api/v2/issues/WEB-9/comments/count").await["count"],
        1
    );
    let issue = get_json(&server, "/api/v2/issues/WEB-9").await;
    assert_eq!(issue["updated"], comment["created"]);
    assert_eq!(issue["updatedUser"]["id"], SATO);
    let activity = get_json(&server, "/api/v2/space/activities?count=1").await;
    assert_eq!(activity[0]["type"], 3);
    assert_eq!(activity[0]["content"]["comment"]["id"], id);
}

#[tokio::test]
async fn add_validation() {
    let server = FakeBacklog::start(Space::demo()).await;
    for body in ["", "content=", "content=+%20"] {
        expect_invalid(
            &server,
            "POST",
            "/api/v2/issues/WEB-9/comments",
            body,
            "content",
        )
        .await;
    }
    expect_invalid(
        &server,
        "POST",
        "/api/v2/issues/WEB-9/comments",
        "content=x&notifiedUserId[]=42",
        "notifiedUserId",
    )
    .await;
    let missing = form(
        &server,
        "POST",
        "/api/v2/issues/NOPE-1/comments",
        "content=x",
    )
    .await;
    assert_eq!(missing.status, 404);
    assert_eq!(backlog_error(&missing), (6, "No issue.".to_owned()));
    assert_eq!(
        get_json(&server, "/api/v2/issues/WEB-9/comments/count").await["count"],
        0
    );
}

#[tokio::test]
async fn add_with_an_attachment() {
    let server = FakeBacklog::start(Space::demo()).await;
    let staged = server.space().stage_attachment("screen.png", vec![0; 10]);
    let comment = form_json(
        &server,
        "POST",
        "/api/v2/issues/WEB-9/comments",
        &format!("content=See+attached&attachmentId[]={}", staged.id),
        201,
    )
    .await;
    assert_eq!(comment["changeLog"][0]["field"], "attachment");
    assert_eq!(comment["changeLog"][0]["attachmentInfo"]["id"], staged.id);
    let listed = get_json(&server, "/api/v2/issues/WEB-9/attachments").await;
    assert_eq!(listed[0]["name"], "screen.png");
}

#[tokio::test]
async fn only_the_author_may_edit() {
    let server = FakeBacklog::start(Space::demo()).await;
    let comments = get_json(&server, "/api/v2/issues/WEB-2/comments?order=asc").await;
    // The first is by Sato ("myself"), the second by Smith.
    assert_eq!(comments[0]["createdUser"]["id"], SATO);
    assert_eq!(comments[1]["createdUser"]["id"], SMITH);
    let mine = comments[0]["id"].as_i64().unwrap();
    let theirs = comments[1]["id"].as_i64().unwrap();

    let edited = form_json(
        &server,
        "PATCH",
        &format!("/api/v2/issues/WEB-2/comments/{mine}"),
        &format!("content={}", enc("Reproduced on Safari 17.5 too.")),
        200,
    )
    .await;
    assert_eq!(edited["id"], mine);
    assert_eq!(edited["content"], "Reproduced on Safari 17.5 too.");
    assert_eq!(edited["created"], comments[0]["created"]);
    assert_ne!(edited["updated"], comments[0]["updated"]);
    assert_eq!(edited["changeLog"], comments[0]["changeLog"]);

    let refused = form(
        &server,
        "PATCH",
        &format!("/api/v2/issues/WEB-2/comments/{theirs}"),
        "content=mine+now",
    )
    .await;
    assert_eq!(refused.status, 403);
    assert_eq!(backlog_error(&refused).0, 5);
    let unchanged = get_json(&server, &format!("/api/v2/issues/WEB-2/comments/{theirs}")).await;
    assert_eq!(unchanged, comments[1]);

    expect_invalid(
        &server,
        "PATCH",
        &format!("/api/v2/issues/WEB-2/comments/{mine}"),
        "content=",
        "content",
    )
    .await;
    for path in [
        "/api/v2/issues/WEB-2/comments/1".to_owned(),
        "/api/v2/issues/WEB-2/comments/abc".to_owned(),
        format!("/api/v2/issues/WEB-3/comments/{mine}"),
    ] {
        let missing = form(&server, "PATCH", &path, "content=x").await;
        assert_eq!(missing.status, 404, "{path}");
        assert_eq!(backlog_error(&missing), (6, "No comment.".to_owned()));
    }
}
