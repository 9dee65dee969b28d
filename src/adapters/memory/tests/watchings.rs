use super::{MYSELF, SATO, bad_request, demo, forbidden, issue_id, key, missing, user};
use crate::domain::ids::WatchingId;
use crate::domain::issue_filter::{PageSize, SortOrder};
use crate::domain::watching::{Watching, WatchingCountQuery, WatchingQuery, WatchingSort};
use crate::ports::WatchingRepository;

fn query() -> WatchingQuery {
    WatchingQuery {
        order: SortOrder::Desc,
        sort: WatchingSort::IssueUpdated,
        count: PageSize::MAX,
        offset: 0,
        resource_already_read: None,
        issue_ids: vec![],
    }
}

fn ids(list: &[Watching]) -> Vec<i64> {
    list.iter().map(|w| w.id.get()).collect()
}

fn watching(id: i64) -> WatchingId {
    WatchingId::new(id).unwrap()
}

#[tokio::test]
async fn my_watch_list_is_sorted_by_the_issues_last_update() {
    let backlog = demo();
    let list = backlog.watchings(user(MYSELF), &query()).await.unwrap();
    assert_eq!(list.len(), 6);
    assert!(
        list.windows(2)
            .all(|w| w[0].last_content_updated >= w[1].last_content_updated)
    );
    assert!(list.iter().all(|w| w.issue.is_some()));
    assert_eq!(
        list[0].last_content_updated,
        list[0].issue.as_ref().and_then(|i| i.updated)
    );
    let ascending = WatchingQuery {
        order: SortOrder::Asc,
        ..query()
    };
    let mut reversed = ids(&backlog.watchings(user(MYSELF), &ascending).await.unwrap());
    reversed.reverse();
    assert_eq!(reversed, ids(&list));
}

#[tokio::test]
async fn sorting_by_creation_and_paging_by_offset() {
    let backlog = demo();
    let by_created = WatchingQuery {
        sort: WatchingSort::Created,
        order: SortOrder::Asc,
        ..query()
    };
    let all = ids(&backlog.watchings(user(MYSELF), &by_created).await.unwrap());
    assert_eq!(all, [7005, 7006, 7002, 7001, 7003, 7004]);
    let page = WatchingQuery {
        offset: 2,
        count: PageSize::new(3).unwrap(),
        ..by_created
    };
    assert_eq!(
        ids(&backlog.watchings(user(MYSELF), &page).await.unwrap()),
        [7002, 7001, 7003]
    );
    let past_the_end = WatchingQuery {
        offset: 6,
        ..query()
    };
    assert!(
        backlog
            .watchings(user(MYSELF), &past_the_end)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn read_state_and_issue_filters_narrow_the_list() {
    let backlog = demo();
    let unread = WatchingQuery {
        resource_already_read: Some(false),
        sort: WatchingSort::Created,
        order: SortOrder::Asc,
        ..query()
    };
    assert_eq!(
        ids(&backlog.watchings(user(MYSELF), &unread).await.unwrap()),
        [7006, 7002, 7003]
    );
    let of_issue = WatchingQuery {
        issue_ids: vec![issue_id(5005), issue_id(5001)],
        ..query()
    };
    assert_eq!(
        ids(&backlog.watchings(user(MYSELF), &of_issue).await.unwrap()),
        [7001]
    );
    assert_eq!(
        ids(&backlog.watchings(user(SATO), &of_issue).await.unwrap()),
        [7007]
    );
}

#[tokio::test]
async fn counts_follow_already_read_before_resource_already_read() {
    let backlog = demo();
    let count = |q: WatchingCountQuery| {
        let backlog = &backlog;
        async move { backlog.watching_count(user(MYSELF), &q).await.unwrap() }
    };
    assert_eq!(count(WatchingCountQuery::default()).await, 6);
    let unread_resource = WatchingCountQuery {
        resource_already_read: Some(false),
        already_read: None,
    };
    assert_eq!(count(unread_resource).await, 3);
    let unread = WatchingCountQuery {
        resource_already_read: None,
        already_read: Some(false),
    };
    assert_eq!(count(unread).await, 2);
    let both = WatchingCountQuery {
        resource_already_read: Some(false),
        already_read: Some(true),
    };
    assert_eq!(count(both).await, 4);
}

#[tokio::test]
async fn unknown_users_and_watchings_are_not_found() {
    let backlog = demo();
    assert_eq!(
        missing(backlog.watchings(user(9999), &query()).await),
        ("user 9999".to_owned(), "No user.".to_owned())
    );
    assert_eq!(
        missing(
            backlog
                .watching_count(user(9999), &WatchingCountQuery::default())
                .await
        )
        .1,
        "No user."
    );
    assert_eq!(
        missing(backlog.watching(watching(9999)).await),
        ("watching 9999".to_owned(), "No watching.".to_owned())
    );
    assert_eq!(
        missing(backlog.update_watching(watching(9999), "x").await).1,
        "No watching."
    );
    assert_eq!(
        missing(backlog.delete_watching(watching(9999)).await).1,
        "No watching."
    );
    assert_eq!(
        missing(backlog.mark_watching_as_read(watching(9999)).await).1,
        "No watching."
    );
}

#[tokio::test]
async fn a_watching_is_read_with_its_issue() {
    let backlog = demo();
    let found = backlog.watching(watching(7003)).await.unwrap();
    assert_eq!(found.note, "クラッシュ対応の進捗を確認");
    assert!(!found.resource_already_read);
    assert_eq!(found.issue.map(|i| i.key.to_string()), Some("APP-1".into()));
}

#[tokio::test]
async fn i_watch_an_issue_once() {
    let backlog = demo();
    let added = backlog
        .add_watching(&key("WEB-2"), "hero image")
        .await
        .unwrap();
    assert_eq!(added.id, watching(7009));
    assert_eq!(added.note, "hero image");
    assert!(added.resource_already_read);
    assert_eq!(added.created, added.updated);
    let list = backlog.watchings(user(MYSELF), &query()).await.unwrap();
    assert!(ids(&list).contains(&7009));
    assert_eq!(
        bad_request(backlog.add_watching(&key("WEB-2"), "").await),
        "issueIdOrKey: WEB-2 is already on the watch list."
    );
    assert_eq!(
        bad_request(backlog.add_watching(&key("WEB-5"), "").await),
        "issueIdOrKey: WEB-5 is already on the watch list."
    );
    assert_eq!(
        missing(backlog.add_watching(&key("WEB-999"), "").await).1,
        "No issue."
    );
    // Someone else watching WEB-1 does not stop me.
    assert!(backlog.add_watching(&key("WEB-1"), "").await.is_ok());
}

#[tokio::test]
async fn only_my_own_watchings_change() {
    let backlog = demo();
    let before = backlog.watching(watching(7001)).await.unwrap();
    let updated = backlog
        .update_watching(watching(7001), "Ship it")
        .await
        .unwrap();
    assert_eq!(updated.note, "Ship it");
    assert!(updated.updated > before.updated);
    assert_eq!(updated.created, before.created);
    assert!(forbidden(backlog.update_watching(watching(7007), "mine now").await).contains("7007"));
    assert!(forbidden(backlog.delete_watching(watching(7007)).await).contains("7007"));
    assert!(forbidden(backlog.mark_watching_as_read(watching(7008)).await).contains("7008"));

    backlog.mark_watching_as_read(watching(7002)).await.unwrap();
    assert!(
        backlog
            .watching(watching(7002))
            .await
            .unwrap()
            .resource_already_read
    );
    let unread = WatchingCountQuery {
        resource_already_read: Some(false),
        already_read: None,
    };
    assert_eq!(
        backlog.watching_count(user(MYSELF), &unread).await.unwrap(),
        2
    );

    let deleted = backlog.delete_watching(watching(7001)).await.unwrap();
    assert_eq!(deleted.note, "Ship it");
    assert_eq!(
        missing(backlog.watching(watching(7001)).await).1,
        "No watching."
    );
    // Watching the issue again is allowed after the deletion, under a new id.
    let again = backlog.add_watching(&key("WEB-5"), "").await.unwrap();
    assert_eq!(again.id, watching(7009));
}
