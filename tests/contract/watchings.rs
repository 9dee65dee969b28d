//! Watch lists.

use crate::backends::Backlog;
use crate::support::{add_issue, by_key, forbidden, me, not_found};
use backlog_mcp::domain::changes::IssueUpdate;
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
    // `alreadyRead` splits the list in two and, given, decides the count alone.
    let read = |already_read, resource_already_read| WatchingCountQuery {
        resource_already_read,
        already_read,
    };
    let seen = b.watching_count(me, &read(Some(true), None)).await.unwrap();
    let unseen = b
        .watching_count(me, &read(Some(false), None))
        .await
        .unwrap();
    assert_eq!(seen + unseen, count);
    assert!(seen > 0 && unseen > 0, "the seed has both");
    let both = read(Some(true), Some(false));
    assert_eq!(b.watching_count(me, &both).await.unwrap(), seen);
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
    assert_eq!(read.issue.map(|i| i.id), Some(issue.id));
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

pub async fn my_watch_list_sorts_by_the_issues_update_and_pages_by_offset(b: &dyn Backlog) {
    let me = me(b).await;
    let mine = b.watchings(me, &list()).await.unwrap();
    assert!(mine.len() >= 3);
    assert!(mine.iter().all(|w| w.issue.is_some()));
    assert!(
        mine.windows(2)
            .all(|w| w[0].last_content_updated >= w[1].last_content_updated)
    );
    let ascending = WatchingQuery {
        order: SortOrder::Asc,
        ..list()
    };
    let mut reversed = b.watchings(me, &ascending).await.unwrap();
    reversed.reverse();
    assert_eq!(
        reversed.iter().map(|w| w.id).collect::<Vec<_>>(),
        mine.iter().map(|w| w.id).collect::<Vec<_>>()
    );
    let by_created = WatchingQuery {
        sort: WatchingSort::Created,
        order: SortOrder::Asc,
        ..list()
    };
    let created = b.watchings(me, &by_created).await.unwrap();
    assert!(created.windows(2).all(|w| w[0].created <= w[1].created));
    let page = WatchingQuery {
        offset: 1,
        count: PageSize::new(2).unwrap(),
        ..by_created.clone()
    };
    let window = b.watchings(me, &page).await.unwrap();
    assert_eq!(window, created[1..3]);
    let past = WatchingQuery {
        offset: created.len() as u64,
        ..by_created
    };
    assert!(b.watchings(me, &past).await.unwrap().is_empty());
}

pub async fn the_watch_list_is_narrowed_to_issues(b: &dyn Backlog) {
    let me = me(b).await;
    let all = b.watchings(me, &list()).await.unwrap();
    let issue = all[0].issue.as_ref().unwrap().id;
    let narrowed = WatchingQuery {
        issue_ids: vec![issue],
        ..list()
    };
    let one = b.watchings(me, &narrowed).await.unwrap();
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].id, all[0].id);
}

pub async fn another_users_watchings_are_read_only_to_me(b: &dyn Backlog) {
    let me = me(b).await;
    let users = b.users().await.unwrap();
    let mut theirs = None;
    for user in users.iter().filter(|u| u.id != me) {
        if let Some(w) = b
            .watchings(user.id, &list())
            .await
            .unwrap()
            .into_iter()
            .next()
        {
            theirs = Some(w);
            break;
        }
    }
    let theirs = theirs.expect("the seed has another user's watching");
    assert_eq!(b.watching(theirs.id).await.unwrap().id, theirs.id);
    forbidden(b.update_watching(theirs.id, "mine now").await);
    forbidden(b.delete_watching(theirs.id).await);
    forbidden(b.mark_watching_as_read(theirs.id).await);
    let unchanged = b.watching(theirs.id).await.unwrap();
    assert_eq!(
        (unchanged.note, unchanged.resource_already_read),
        (theirs.note, theirs.resource_already_read)
    );
}

/// My update is news to the other watchers of the issue, not to me, and puts the
/// issue first in my watch list.
pub async fn an_update_is_unread_for_other_watchers_only(b: &dyn Backlog) {
    let me = me(b).await;
    let users = b.users().await.unwrap();
    let mut theirs = None;
    for user in users.iter().filter(|u| u.id != me) {
        let list = b.watchings(user.id, &list()).await.unwrap();
        if let Some(w) = list.into_iter().find(|w| w.issue.is_some()) {
            theirs = Some(w);
            break;
        }
    }
    let theirs = theirs.expect("the seed has another user's watching");
    let issue = theirs.issue.clone().unwrap();
    let mine = match b.add_watching(&by_key(&issue), "").await {
        Ok(mine) => mine,
        Err(_) => b
            .watchings(
                me,
                &WatchingQuery {
                    issue_ids: vec![issue.id],
                    ..list()
                },
            )
            .await
            .unwrap()
            .remove(0),
    };
    b.mark_watching_as_read(mine.id).await.unwrap();
    let update = IssueUpdate {
        comment: Some("News".to_owned()),
        notified_user_ids: vec![],
        ..IssueUpdate::default()
    };
    b.update_issue(&by_key(&issue), &update).await.unwrap();
    assert!(!b.watching(theirs.id).await.unwrap().resource_already_read);
    assert!(
        b.watching(mine.id).await.unwrap().resource_already_read,
        "my own change is not news to me"
    );
    let first = b.watchings(me, &list()).await.unwrap().remove(0);
    assert_eq!(first.id, mine.id, "the latest issue update sorts first");
}

crate::contract! {
    my_watch_list_is_counted_and_filtered_by_unread [watchings, watching_count]
    a_new_watching_is_read_noted_and_deleted [add_watching, watching, update_watching, delete_watching]
    marking_a_watching_as_read [mark_watching_as_read]
    my_watch_list_sorts_by_the_issues_update_and_pages_by_offset [watchings]
    the_watch_list_is_narrowed_to_issues [watchings]
    another_users_watchings_are_read_only_to_me [watching, update_watching, delete_watching, mark_watching_as_read]
    an_update_is_unread_for_other_watchers_only [update_issue, watching, watchings]
}
