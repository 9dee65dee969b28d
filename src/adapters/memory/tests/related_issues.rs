use super::{bad_request, demo, issue_id, key, missing};
use crate::ports::IssueRepository;

async fn related_keys(backlog: &super::MemoryBacklog, of: &str) -> Vec<String> {
    backlog
        .related_issues(&key(of))
        .await
        .unwrap()
        .iter()
        .map(|i| i.key.to_string())
        .collect()
}

#[tokio::test]
async fn links_are_symmetric_and_listed_in_the_order_made() {
    let backlog = demo();
    assert!(related_keys(&backlog, "WEB-5").await.is_empty());
    let linked = backlog
        .add_related_issue(&key("WEB-5"), issue_id(5020))
        .await
        .unwrap();
    assert_eq!(linked.key.to_string(), "WEB-20");
    backlog
        .add_related_issue(&key("APP-1"), issue_id(5005))
        .await
        .unwrap();
    assert_eq!(related_keys(&backlog, "WEB-5").await, ["WEB-20", "APP-1"]);
    assert_eq!(related_keys(&backlog, "WEB-20").await, ["WEB-5"]);
    assert_eq!(related_keys(&backlog, "APP-1").await, ["WEB-5"]);
}

#[tokio::test]
async fn linking_twice_or_to_itself_is_refused() {
    let backlog = demo();
    backlog
        .add_related_issue(&key("WEB-5"), issue_id(5020))
        .await
        .unwrap();
    assert_eq!(
        bad_request(
            backlog
                .add_related_issue(&key("WEB-20"), issue_id(5005))
                .await
        ),
        "targetIssueId: WEB-20 and WEB-5 are already related."
    );
    assert_eq!(
        bad_request(
            backlog
                .add_related_issue(&key("WEB-5"), issue_id(5005))
                .await
        ),
        "targetIssueId 5005 is WEB-5 itself; an issue cannot be related to itself."
    );
    assert_eq!(
        bad_request(
            backlog
                .add_related_issue(&key("WEB-5"), issue_id(99_999))
                .await
        ),
        "targetIssueId 99999 is not an issue."
    );
    assert_eq!(
        missing(
            backlog
                .add_related_issue(&key("WEB-999"), issue_id(5005))
                .await
        )
        .1,
        "No issue."
    );
}

#[tokio::test]
async fn a_link_is_removed_from_either_side_once() {
    let backlog = demo();
    backlog
        .add_related_issue(&key("WEB-5"), issue_id(5020))
        .await
        .unwrap();
    let removed = backlog
        .remove_related_issue(&key("WEB-20"), issue_id(5005))
        .await
        .unwrap();
    assert_eq!(removed.key.to_string(), "WEB-5");
    assert!(related_keys(&backlog, "WEB-5").await.is_empty());
    assert!(related_keys(&backlog, "WEB-20").await.is_empty());
    assert_eq!(
        missing(
            backlog
                .remove_related_issue(&key("WEB-20"), issue_id(5005))
                .await
        ),
        (
            "related issue 5005 of issue WEB-20".to_owned(),
            "No related issue.".to_owned()
        )
    );
    assert_eq!(
        missing(backlog.related_issues(&key("WEB-999")).await).1,
        "No issue."
    );
}
