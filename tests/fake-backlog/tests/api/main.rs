//! Integration tests: a real reqwest client against a running [`FakeBacklog`].
//! One test binary (modules below) to keep link time down.

mod auth;
mod binary;
mod faults;
mod rate_limits;
mod recording;
mod shapes;
#[cfg(feature = "tls")]
mod tls;

use fake_backlog::FakeBacklog;
use serde_json::Value;

/// A status, headers and parsed JSON body.
pub struct Answer {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn header_u64(&self, name: &str) -> u64 {
        self.header(name)
            .unwrap_or_else(|| panic!("no {name} header"))
            .parse()
            .unwrap()
    }
}

pub fn client() -> reqwest::Client {
    client_builder().build().unwrap()
}

/// A client builder that works whether or not reqwest was built without a TLS
/// crypto provider (as it is when the whole workspace is built together).
pub fn client_builder() -> reqwest::ClientBuilder {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
}

/// GET `path_and_query` (below the base URL) with the right key in the header.
pub async fn get(server: &FakeBacklog, path_and_query: &str) -> Answer {
    send(
        client()
            .get(format!("{}{}", server.base_url(), path_and_query))
            .header("Backlog-API-Key", server.api_key()),
    )
    .await
}

pub async fn send(request: reqwest::RequestBuilder) -> Answer {
    let response = request.send().await.expect("request failed");
    Answer {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        text: response.text().await.unwrap(),
    }
}

/// Sends `method path` with a form body (as given: the test controls the encoding).
pub async fn form(server: &FakeBacklog, method: &str, path: &str, body: &str) -> Answer {
    let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    send(
        client()
            .request(method, format!("{}{}", server.base_url(), path))
            .header("Backlog-API-Key", server.api_key())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(body.to_owned()),
    )
    .await
}

/// GET and expect a 200 JSON answer.
pub async fn get_json(server: &FakeBacklog, path_and_query: &str) -> Value {
    let answer = get(server, path_and_query).await;
    assert_eq!(answer.status, 200, "{path_and_query}: {}", answer.text);
    answer.json()
}

/// The `errors[0]` of a Backlog error body, as (code, message), checking the shape.
pub fn backlog_error(answer: &Answer) -> (i64, String) {
    let body = answer.json();
    let errors = body["errors"].as_array().expect("errors array");
    assert_eq!(errors.len(), 1);
    let e = &errors[0];
    assert_eq!(e["moreInfo"], "");
    (
        e["code"].as_i64().unwrap(),
        e["message"].as_str().unwrap().to_owned(),
    )
}
