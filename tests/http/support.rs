use backlog_mcp::adapters::backlog_http::{HttpBacklog, HttpBacklogConfig, RetryPolicy};
use secrecy::SecretString;
use std::time::Duration;
use wiremock::{MockServer, ResponseTemplate};

pub const API_KEY: &str = "test-key-5f2b9c1e7d";

pub fn client_for(server: &MockServer) -> HttpBacklog {
    client_at(&server.uri(), Duration::from_secs(5))
}

pub fn client_at(base: &str, timeout: Duration) -> HttpBacklog {
    HttpBacklog::new(HttpBacklogConfig {
        base_url: base.parse().unwrap(),
        api_key: SecretString::from(API_KEY),
        connect_timeout: Duration::from_secs(2),
        request_timeout: timeout,
        retry: RetryPolicy {
            base_delay: Duration::from_millis(5),
            max_delay: Duration::from_millis(20),
            ..RetryPolicy::default()
        },
    })
    .unwrap()
}

/// The decoded query pairs of the only request the server received.
pub async fn only_request_query(server: &MockServer) -> Vec<(String, String)> {
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "expected exactly one request");
    requests[0]
        .url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

pub fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

pub const ISSUE_JSON: &str = r##"{
  "id": 1075000123, "projectId": 1073900100, "issueKey": "WEB-42", "keyId": 42,
  "issueType": {"id": 1074000010, "projectId": 1073900100, "name": "Bug", "color": "#990000", "displayOrder": 1},
  "summary": "ログインボタンが反応しない", "description": "Steps:\n1. ...",
  "resolution": null, "priority": {"id": 2, "name": "High"},
  "status": {"id": 2, "projectId": 1073900100, "name": "In Progress", "color": "#4488c5", "displayOrder": 2000},
  "assignee": {"id": 1073800012, "userId": "t.sato", "name": "Taro Sato", "roleType": 2, "lang": "en",
               "mailAddress": "t.sato@example.com", "nulabAccount": null, "lastLoginTime": "2024-05-02T08:14:22Z"},
  "category": [], "versions": [],
  "milestone": [{"id": 1074200007, "projectId": 1073900100, "name": "Sprint 12", "description": "",
                 "startDate": "2024-06-03T00:00:00Z", "releaseDueDate": "2024-06-14T00:00:00Z",
                 "archived": false, "displayOrder": 0}],
  "startDate": "2024-06-03T00:00:00Z", "dueDate": "2024-06-07T00:00:00Z",
  "estimatedHours": 4.5, "actualHours": null, "parentIssueId": 1075000100,
  "createdUser": {"id": 1073800001, "userId": "admin", "name": "Admin", "roleType": 1, "lang": "ja",
                  "mailAddress": "admin@example.com", "nulabAccount": null, "lastLoginTime": null},
  "created": "2024-06-01T09:12:44Z",
  "updatedUser": null, "updated": "2024-06-03T10:02:17Z",
  "customFields": [], "attachments": [], "sharedFiles": [], "stars": []
}"##;

/// A JSON answer with the given status, as Backlog sends it.
pub fn json_answer(status: u16, body: &str) -> ResponseTemplate {
    ResponseTemplate::new(status)
        .set_body_raw(body.as_bytes().to_vec(), "application/json;charset=utf-8")
}

/// What the server received, decoded.
#[derive(Debug)]
pub struct Received {
    pub method: String,
    pub path: String,
    pub query: Vec<(String, String)>,
    /// The form body's pairs, decoded, in order.
    pub form: Vec<(String, String)>,
    /// The body as sent (percent-encoded).
    pub raw_body: String,
    pub content_type: Option<String>,
}

/// The only request the server received.
pub async fn only_request(server: &MockServer) -> Received {
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "expected exactly one request");
    let request = &requests[0];
    let raw_body = String::from_utf8(request.body.clone()).unwrap();
    Received {
        method: request.method.to_string(),
        path: request.url.path().to_owned(),
        query: request
            .url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect(),
        form: url::form_urlencoded::parse(raw_body.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect(),
        raw_body,
        content_type: request
            .headers
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned()),
    }
}

pub const FORM: &str = "application/x-www-form-urlencoded";

pub const USER_JSON: &str = r#"{"id": 1073800012, "userId": "t.sato", "name": "Taro Sato", "roleType": 2, "lang": "en",
 "mailAddress": "t.sato@example.com",
 "nulabAccount": {"nulabId": "Xk2...9QaL", "name": "Taro Sato", "uniqueId": "tsato"},
 "keyword": "Taro Sato SATO TARO", "lastLoginTime": "2024-05-02T08:14:22Z"}"#;

pub const COMMENT_JSON: &str = r#"{"id": 6586001, "projectId": 1073900100, "issueId": 1075000123, "content": "Reproduced on Safari 17.",
 "changeLog": null,
 "createdUser": {"id": 1073800012, "userId": "t.sato", "name": "Taro Sato", "roleType": 2, "lang": "en",
                 "mailAddress": "t.sato@example.com", "nulabAccount": null, "lastLoginTime": null},
 "created": "2024-06-03T10:02:17Z", "updated": "2024-06-03T10:02:17Z",
 "stars": [], "notifications": []}"#;
