//! Watch lists.

use crate::backends::Backlog;
use crate::support::{add_issue, by_key, me, not_found};
use backlog_mcp::domain::ids::{UserId, WatchingId};
use backlog_mcp::domain::issue_filter::{PageSize, SortOrder};
use backlog_mcp::domain::watching::{WatchingCountQuery, WatchingQuery, WatchingSort};

fn list() -> WatchingQuery {
    WatchingQuery {
        order: SortOrder::Desc,
        sort: WatchingSort::IssueUpdated,
        count: PageSize::MAX,
        offset: 0,
        resource_already_read: None,
        issue_ids: vec![],
    }
}

pub async fn my_watch_list_is_counted_and_filtered_by_unread(b: &dyn Backlog) {
    let me = me(b).await;
    let all = b.watchings(me, &list()).await.unwrap();
    assert!(!all.is_empty(), "the seed watches something");
    let count = b
        .watching_count(me, &WatchingCountQuery::default())
        .await
        .unwrap();
    assert_eq!(count, all.len() as u64);
    let unread = WatchingQuery {
        resource_already_read: Some(false),
        ..list()
    };
    let unread = b.watchings(me, &unread).await.unwrap();
    assert!(unread.iter().all(|w| !w.resource_already_read));
    let unread_count = WatchingCountQuery {
        resource_already_read: Some(false),
        already_read: None,
    };
    assert_eq!(
        b.watching_count(me, &unread_count).await.unwrap(),
        unread.len() as u64
    );
    let nobody = UserId::new(987_654_321).unwrap();
    not_found(b.watchings(nobody, &list()).await);
    not_found(
        b.watching_count(nobody, &WatchingCountQuery::default())
            .await,
    );
}

pub async fn a_new_watching_is_read_noted_and_deleted(b: &dyn Backlog) {
    let issue = add_issue(b, "WEB", "Watched").await;
    let added = b
        .add_watching(&by_key(&issue), "keep an eye")
        .await
        .unwrap();
    assert_eq!(added.note, "keep an eye");
    assert_eq!(added.issue.as_ref().map(|i| i.id), Some(issue.id));
    let read = b.watching(added.id).await.unwrap();
    assert_eq!(read.id, added.id);
    let noted = b.update_watching(added.id, "still").await.unwrap();
    assert_eq!(noted.note, "still");
    let deleted = b.delete_watching(added.id).await.unwrap();
    assert_eq!(deleted.id, added.id);
    not_found(b.watching(added.id).await);
    not_found(b.update_watching(added.id, "x").await);
}

pub async fn marking_a_watching_as_read(b: &dyn Backlog) {
    let me = me(b).await;
    let unread = WatchingQuery {
        resource_already_read: Some(false),
        ..list()
    };
    let unread = b.watchings(me, &unread).await.unwrap();
    let first = unread.first().unwrap();
    b.mark_watching_as_read(first.id).await.unwrap();
    assert!(b.watching(first.id).await.unwrap().resource_already_read);
    not_found(
        b.mark_watching_as_read(WatchingId::new(987_654_321).unwrap())
            .await,
    );
}
