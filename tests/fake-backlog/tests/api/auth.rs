use crate::*;
use fake_backlog::{FakeBacklog, Model};

const AUTH_FAILURE: &str =
    r#"{"errors":[{"message":"Authentication failure.","code":11,"moreInfo":""}]}"#;

#[tokio::test]
async fn key_in_query() {
    let server = FakeBacklog::start(Model::demo()).await;
    let url = format!(
        "{}/api/v2/users/myself?apiKey={}",
        server.base_url(),
        server.api_key()
    );
    let answer = send(client().get(url)).await;
    assert_eq!(answer.status, 200);
}

#[tokio::test]
async fn missing_or_wrong_key_is_401_code_11() {
    let server = FakeBacklog::start(Model::demo()).await;
    let base = server.base_url();
    let requests = [
        client().get(format!("{base}/api/v2/issues")),
        client()
            .get(format!("{base}/api/v2/issues"))
            .header("Backlog-API-Key", "wrong"),
        client().get(format!("{base}/api/v2/issues?apiKey=wrong")),
        // The wrong key in the header is not rescued by nothing in the query.
        client().get(format!("{base}/api/v2/nope")),
    ];
    for request in requests {
        let answer = send(request).await;
        assert_eq!(answer.status, 401);
        assert_eq!(answer.text, AUTH_FAILURE);
        assert!(
            answer
                .header("content-type")
                .unwrap()
                .starts_with("application/json")
        );
        // Rate-limit headers are on every answer, refused ones included.
        assert!(answer.header("x-ratelimit-limit").is_some());
    }
}
