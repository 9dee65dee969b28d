//! Requests that cannot be sent fail before anything leaves the process, name
//! the parameter to shorten, and are never retried.

use crate::support::client_for;
use backlog_mcp::domain::backlog_error::BacklogError;
use backlog_mcp::domain::ids::StatusId;
use backlog_mcp::domain::issue_filter::{IssueFilter, IssueQuery, IssueSort, PageSize, SortOrder};
use backlog_mcp::ports::IssueRepository;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn query(filter: IssueFilter) -> IssueQuery {
    IssueQuery {
        filter,
        sort: Some(IssueSort::Updated),
        order: SortOrder::Desc,
        offset: 0,
        count: PageSize::MAX,
    }
}

async fn any_answer() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw(b"[]".to_vec(), "application/json"))
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn a_100k_character_keyword_is_refused_before_sending_naming_keyword() {
    let server = any_answer().await;
    let filter = IssueFilter {
        keyword: Some("ログ".repeat(50_000)),
        ..IssueFilter::default()
    };
    let client = client_for(&server);
    let error = client.issues(&query(filter.clone())).await.unwrap_err();
    let BacklogError::Unsendable { parameter, reason } = &error else {
        panic!("expected Unsendable, got {error:?}");
    };
    assert_eq!(parameter.as_deref(), Some("keyword"));
    assert!(reason.contains("more than the 8000"), "{reason}");
    assert!(
        !error.to_string().contains("ログログ"),
        "the value is not echoed"
    );
    let counted = client.count_issues(&filter).await.unwrap_err();
    assert!(
        matches!(counted, BacklogError::Unsendable { .. }),
        "{counted:?}"
    );
    assert!(server.received_requests().await.unwrap().is_empty());
    // The client is fine afterwards.
    assert!(client.issues(&query(IssueFilter::default())).await.is_ok());
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn too_many_values_name_the_list_parameter() {
    let server = any_answer().await;
    let filter = IssueFilter {
        status_ids: (1..=1_000)
            .map(|n| StatusId::new(1_000_000 + n).unwrap())
            .collect(),
        keyword: Some("login".into()),
        ..IssueFilter::default()
    };
    let error = client_for(&server)
        .issues(&query(filter))
        .await
        .unwrap_err();
    assert!(
        matches!(&error, BacklogError::Unsendable { parameter: Some(p), .. } if p == "statusId"),
        "{error:?}"
    );
    assert!(server.received_requests().await.unwrap().is_empty());
}
