use crate::*;
use fake_backlog::{FakeBacklog, Model};

#[tokio::test]
async fn requests_are_recorded_decoded_and_in_order() {
    let server = FakeBacklog::start(Model::demo()).await;
    get(
        &server,
        "/api/v2/issues?statusId%5B%5D=1&statusId[]=2&keyword=caf%C3%A9+au+lait",
    )
    .await;
    send(
        client()
            .post(format!(
                "{}/api/v2/issues?apiKey={}",
                server.base_url(),
                server.api_key()
            ))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body("summary=Hello+world&categoryId%5B%5D=1&categoryId[]=2"),
    )
    .await;
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    let list = &requests[0];
    assert_eq!(list.method, "GET");
    assert_eq!(list.path, "/api/v2/issues");
    assert_eq!(
        list.query,
        [
            ("statusId[]".to_owned(), "1".to_owned()),
            ("statusId[]".to_owned(), "2".to_owned()),
            ("keyword".to_owned(), "café au lait".to_owned()),
        ]
    );
    assert_eq!(
        list.raw_query,
        "statusId%5B%5D=1&statusId[]=2&keyword=caf%C3%A9+au+lait"
    );
    assert_eq!(list.query_values("statusId[]"), ["1", "2"]);
    assert_eq!(list.header("backlog-api-key"), Some(server.api_key()));
    assert!(list.headers.iter().all(|(k, _)| *k == k.to_lowercase()));
    assert_eq!(list.body, "");

    let post = &requests[1];
    assert_eq!(post.method, "POST");
    assert_eq!(post.query_value("apiKey"), Some(server.api_key()));
    assert_eq!(
        post.body,
        "summary=Hello+world&categoryId%5B%5D=1&categoryId[]=2"
    );
    assert_eq!(
        post.form,
        [
            ("summary".to_owned(), "Hello world".to_owned()),
            ("categoryId[]".to_owned(), "1".to_owned()),
            ("categoryId[]".to_owned(), "2".to_owned()),
        ]
    );
}

#[tokio::test]
async fn recording_can_be_turned_off_but_counts_go_on() {
    let server = FakeBacklog::start(Model::demo()).await;
    server.set_recording(false);
    get(&server, "/api/v2/users").await;
    assert!(server.requests().is_empty());
    assert_eq!(server.request_count("GET", "/api/v2/users"), 1);
}

#[tokio::test]
async fn writes_are_recorded_with_their_decoded_form_and_use_the_update_bucket() {
    let server = FakeBacklog::start(Model::demo()).await;
    let body = "summary=Caf%C3%A9+menu&customField_603%5B0%5D=1&customField_603[1]=4&assigneeId=&categoryId%5B%5D=";
    let answer = form(&server, "PATCH", "/api/v2/issues/WEB-2", body).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_eq!(answer.header_u64("x-ratelimit-limit"), 150);
    assert_eq!(answer.header_u64("x-ratelimit-remaining"), 149);
    let refused = form(
        &server,
        "PATCH",
        "/api/v2/issues/WEB-2",
        "customField_603%5B%5D=1",
    )
    .await;
    assert_eq!(refused.status, 400);
    assert_eq!(
        refused.header_u64("x-ratelimit-remaining"),
        148,
        "refused writes count too"
    );
    let marked = form(&server, "POST", "/api/v2/watchings/7001/markAsRead", "").await;
    assert_eq!(marked.header_u64("x-ratelimit-remaining"), 147);

    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    let patch = &requests[0];
    assert_eq!(
        (patch.method.as_str(), patch.path.as_str()),
        ("PATCH", "/api/v2/issues/WEB-2")
    );
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    assert_eq!(
        patch.form,
        pairs(&[
            ("summary", "Café menu"),
            ("customField_603[0]", "1"),
            ("customField_603[1]", "4"),
            ("assigneeId", ""),
            ("categoryId[]", ""),
        ])
    );
    assert_eq!(patch.body, body);
    assert_eq!(requests[1].form, pairs(&[("customField_603[]", "1")]));
    assert_eq!(server.request_count("PATCH", "/api/v2/issues"), 2);
    assert_eq!(server.request_count("POST", "/api/v2/watchings"), 1);
}
