//! Comments: a window addressed by comment id, adding and editing.

use crate::backends::Backlog;
use crate::support::{add_issue, by_key, issue_ref, me, not_found, project_ref};
use backlog_mcp::domain::changes::IssueUpdate;
use backlog_mcp::domain::changes::NewComment;
use backlog_mcp::domain::ids::CommentId;
use backlog_mcp::domain::issue_filter::{PageSize, SortOrder};
use backlog_mcp::ports::CommentPage;

fn text(content: &str) -> NewComment {
    NewComment {
        content: content.to_owned(),
        notified_user_ids: vec![],
        attachment_ids: vec![],
    }
}

fn page(count: i64, order: SortOrder) -> CommentPage {
    CommentPage {
        min_id: None,
        max_id: None,
        count: PageSize::new(count).unwrap(),
        order,
    }
}

pub async fn a_comment_is_mine_and_listed(b: &dyn Backlog) {
    let me = me(b).await;
    let issue = add_issue(b, "WEB", "Discussed").await;
    let comment = b
        .add_comment(&by_key(&issue), &text("First!"))
        .await
        .unwrap();
    assert_eq!(comment.content, "First!");
    assert_eq!(comment.created_user.as_ref().map(|u| u.id), Some(me));
    assert!(comment.change_log.is_empty() && comment.notified.is_empty());
    let bumped = b.issue(&by_key(&issue)).await.unwrap();
    assert_eq!(
        bumped.updated,
        Some(comment.created),
        "the comment bumps the issue"
    );
    assert_eq!(bumped.updated_user.map(|u| u.id), Some(me));
    let listed = b
        .comments(&by_key(&issue), page(10, SortOrder::Desc))
        .await
        .unwrap();
    assert_eq!(listed, [comment]);
    not_found(b.add_comment(&issue_ref("WEB-99999"), &text("x")).await);
}

pub async fn comments_page_by_id_in_either_order(b: &dyn Backlog) {
    let issue = add_issue(b, "WEB", "Long thread").await;
    let mut ids = Vec::new();
    for n in 0..5 {
        let added = b
            .add_comment(&by_key(&issue), &text(&format!("#{n}")))
            .await
            .unwrap();
        ids.push(added.id);
    }
    let newest = b
        .comments(&by_key(&issue), page(2, SortOrder::Desc))
        .await
        .unwrap();
    assert_eq!(
        newest.iter().map(|c| c.id).collect::<Vec<_>>(),
        [ids[4], ids[3]]
    );
    let after = CommentPage {
        min_id: Some(ids[1]),
        ..page(2, SortOrder::Asc)
    };
    let later = b.comments(&by_key(&issue), after).await.unwrap();
    assert_eq!(
        later.iter().map(|c| c.id).collect::<Vec<_>>(),
        [ids[2], ids[3]]
    );
    let before = CommentPage {
        max_id: Some(ids[3]),
        ..page(10, SortOrder::Desc)
    };
    let earlier = b.comments(&by_key(&issue), before).await.unwrap();
    assert_eq!(
        earlier.iter().map(|c| c.id).collect::<Vec<_>>(),
        [ids[2], ids[1], ids[0]]
    );
    not_found(
        b.comments(&issue_ref("WEB-99999"), page(2, SortOrder::Desc))
            .await,
    );
}

pub async fn a_comment_is_edited_by_its_author(b: &dyn Backlog) {
    let issue = add_issue(b, "WEB", "Edited").await;
    let comment = b.add_comment(&by_key(&issue), &text("Tpyo")).await.unwrap();
    let edited = b
        .update_comment(&by_key(&issue), comment.id, "Typo")
        .await
        .unwrap();
    assert_eq!(edited.id, comment.id);
    assert_eq!(edited.content, "Typo");
    let missing = CommentId::new(987_654_321).unwrap();
    not_found(b.update_comment(&by_key(&issue), missing, "x").await);
}

pub async fn a_comment_of_an_issue_in_another_project_is_not_found(b: &dyn Backlog) {
    let here = add_issue(b, "WEB", "Addressed").await;
    let there = add_issue(b, "APP", "Commented").await;
    let comment = b
        .add_comment(&by_key(&there), &text("Untouched"))
        .await
        .unwrap();
    not_found(
        b.update_comment(&by_key(&here), comment.id, "Hijacked")
            .await,
    );
    let listed = b
        .comments(&by_key(&there), page(10, SortOrder::Desc))
        .await
        .unwrap();
    assert_eq!(listed, [comment], "the comment is unchanged");
}

pub async fn an_update_comment_records_whom_it_notified(b: &dyn Backlog) {
    let me = me(b).await;
    let issue = add_issue(b, "WEB", "Notifying").await;
    let members = b.project_users(&project_ref("WEB")).await.unwrap();
    let other = members.iter().find(|u| u.id != me).unwrap().id;
    let update = IssueUpdate {
        notified_user_ids: vec![other, me],
        comment: Some("Starting now.".to_owned()),
        ..IssueUpdate::default()
    };
    b.update_issue(&by_key(&issue), &update).await.unwrap();
    let comment = b
        .comments(&by_key(&issue), page(1, SortOrder::Desc))
        .await
        .unwrap()
        .remove(0);
    let mut notified: Vec<_> = comment.notified.iter().map(|u| u.id).collect();
    notified.sort_unstable();
    let mut expected = vec![other, me];
    expected.sort_unstable();
    assert_eq!(notified, expected);
    let said = NewComment {
        notified_user_ids: vec![other],
        ..text("Ping")
    };
    let added = b.add_comment(&by_key(&issue), &said).await.unwrap();
    assert_eq!(
        added.notified.iter().map(|u| u.id).collect::<Vec<_>>(),
        [other]
    );
}

crate::contract! {
    a_comment_is_mine_and_listed [add_comment, comments]
    comments_page_by_id_in_either_order [comments]
    a_comment_is_edited_by_its_author [update_comment]
    a_comment_of_an_issue_in_another_project_is_not_found [update_comment]
    an_update_comment_records_whom_it_notified [update_issue, add_comment, comments]
}
