//! The façade's routes that no port method covers (the contract suite runs
//! every port method against it), and the server's own parts in front of it.

use super::{get, get_json};
use backlog_mcp::adapters::memory::MemoryBacklog;
use fake_backlog::FakeBacklog;

#[tokio::test]
async fn server_parts_and_the_routes_no_port_reads() {
    let server = FakeBacklog::start_facade(MemoryBacklog::demo()).await;
    let limits = get_json(&server, "/api/v2/rateLimit").await;
    assert!(limits["rateLimit"]["read"]["limit"].is_number(), "{limits}");
    let me = get_json(&server, "/api/v2/users/myself").await;
    let by_id = get_json(&server, &format!("/api/v2/users/{}", me["id"])).await;
    assert_eq!(by_id, me);
    assert_eq!(get(&server, "/api/v2/users/987654321").await.status, 404);

    let issues = get_json(&server, "/api/v2/issues?count=100").await;
    let mut discussed = None;
    for issue in issues.as_array().unwrap() {
        let key = issue["issueKey"].as_str().unwrap().to_owned();
        let comments = get_json(&server, &format!("/api/v2/issues/{key}/comments?count=100")).await;
        if !comments.as_array().unwrap().is_empty() {
            discussed = Some((key, comments));
            break;
        }
    }
    let (key, comments) = discussed.expect("the seed has comments");
    let count = get_json(&server, &format!("/api/v2/issues/{key}/comments/count")).await;
    assert_eq!(count["count"], comments.as_array().unwrap().len());
    let first = &comments[0];
    let one = get_json(
        &server,
        &format!("/api/v2/issues/{key}/comments/{}", first["id"]),
    )
    .await;
    assert_eq!(&one, first);

    let with_files = get_json(&server, "/api/v2/issues?attachment=true&count=1").await;
    let key = with_files[0]["issueKey"].as_str().unwrap();
    let files = get_json(&server, &format!("/api/v2/issues/{key}/attachments")).await;
    assert_eq!(files, with_files[0]["attachments"]);
    assert!(!files.as_array().unwrap().is_empty());
}
