use super::{MYSELF, demo, issue, key, newest_activity, user};
use crate::domain::changes::NewComment;
use crate::domain::ids::CommentId;
use crate::domain::issue_filter::{PageSize, SortOrder};
use crate::ports::{CommentPage, CommentRepository};

fn text(content: &str) -> NewComment {
    NewComment {
        content: content.to_owned(),
        notified_user_ids: vec![],
        attachment_ids: vec![],
    }
}

fn comment_id(id: i64) -> CommentId {
    CommentId::new(id).unwrap()
}

#[tokio::test]
async fn a_comment_gets_the_next_id_and_bumps_the_issue() {
    let backlog = demo();
    let before = issue(&backlog, "WEB-2").await;
    let mut new = text("差し替え完了しました。");
    new.notified_user_ids = vec![user(1003)];
    let added = backlog.add_comment(&key("WEB-2"), &new).await.unwrap();
    assert_eq!(added.id, comment_id(9016));
    assert_eq!(added.content, "差し替え完了しました。");
    assert!(added.change_log.is_empty());
    let notified: Vec<_> = added.notified.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(notified, ["鈴木 美香"]);
    assert_eq!(
        added.created_user.as_ref().map(|u| u.id),
        Some(user(MYSELF))
    );
    assert_eq!(added.updated, Some(added.created));
    let after = issue(&backlog, "WEB-2").await;
    assert_eq!(after.updated, Some(added.created));
    assert!(after.updated > before.updated);
    let page = CommentPage {
        min_id: None,
        max_id: None,
        count: PageSize::MAX,
        order: SortOrder::Asc,
    };
    let listed = backlog.comments(&key("WEB-2"), page).await.unwrap();
    assert_eq!(listed, std::slice::from_ref(&added));
    let activity = newest_activity(&backlog).await;
    assert_eq!(activity.type_id, 3);
    assert_eq!(
        activity.content.comment.as_deref(),
        Some("差し替え完了しました。")
    );
    assert_eq!(activity.content.issue_number, Some(2));
    let second = backlog
        .add_comment(&key("OPS-2"), &text("対応します"))
        .await
        .unwrap();
    assert_eq!(second.id, comment_id(9017));
}
