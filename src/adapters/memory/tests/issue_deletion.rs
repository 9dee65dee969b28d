use super::{demo, issue, issue_id, key, missing, newest_activity};
use crate::domain::changes::NewComment;
use crate::domain::ids::{AttachmentId, WatchingId};
use crate::domain::issue_filter::{PageSize, SortOrder};
use crate::ports::{CommentPage, CommentRepository, IssueRepository, WatchingRepository};

#[tokio::test]
async fn deleting_an_issue_returns_it_and_takes_its_links_along() {
    let backlog = demo();
    backlog
        .add_related_issue(&key("WEB-1"), issue_id(5012))
        .await
        .unwrap();
    backlog
        .add_comment(
            &key("WEB-1"),
            &NewComment {
                content: "Design review done.".into(),
                notified_user_ids: vec![],
                attachment_ids: vec![],
            },
        )
        .await
        .unwrap();
    let before = issue(&backlog, "WEB-1").await;
    let deleted = backlog.delete_issue(&key("WEB-1")).await.unwrap();
    assert_eq!(deleted, before);
    assert_eq!(missing(backlog.issue(&key("WEB-1")).await).1, "No issue.");
    let page = CommentPage {
        min_id: None,
        max_id: None,
        count: PageSize::MAX,
        order: SortOrder::Asc,
    };
    assert_eq!(
        missing(backlog.comments(&key("WEB-1"), page).await).1,
        "No issue."
    );
    assert!(!backlog.snapshot().comments.contains_key(&deleted.id));
    // Children lose their parent; the related issue loses the link.
    for child in ["WEB-2", "WEB-3", "WEB-4"] {
        assert_eq!(
            issue(&backlog, child).await.parent_issue_id,
            None,
            "{child}"
        );
    }
    assert!(
        backlog
            .related_issues(&key("WEB-12"))
            .await
            .unwrap()
            .is_empty()
    );
    // t.sato's watching of WEB-1 is gone.
    let watching = WatchingId::new(7007).unwrap();
    assert_eq!(missing(backlog.watching(watching).await).1, "No watching.");
    let activity = newest_activity(&backlog).await;
    assert_eq!(activity.type_id, 4);
    assert_eq!(activity.content.issue_number, Some(1));
    assert_eq!(
        activity.content.title.as_deref(),
        Some("Redesign the top page")
    );
    assert_eq!(
        missing(backlog.delete_issue(&key("WEB-1")).await).1,
        "No issue."
    );
}

#[tokio::test]
async fn deleting_an_issue_deletes_its_attachments() {
    let backlog = demo();
    backlog.delete_issue(&key("WEB-20")).await.unwrap();
    let files = backlog.snapshot().files;
    assert!(!files.contains_key(&AttachmentId::new(8001).unwrap()));
    assert!(files.contains_key(&AttachmentId::new(8003).unwrap()));
    assert_eq!(backlog.snapshot().issues.len(), 49);
}
