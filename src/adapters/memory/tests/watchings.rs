use super::{MYSELF, SATO, demo, issue_id, user};
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
async fn a_watching_is_read_with_its_issue() {
    let backlog = demo();
    let found = backlog.watching(watching(7003)).await.unwrap();
    assert_eq!(found.note, "クラッシュ対応の進捗を確認");
    assert!(!found.resource_already_read);
    assert_eq!(found.issue.map(|i| i.key.to_string()), Some("APP-1".into()));
}
