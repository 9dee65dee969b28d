use super::{MYSELF, WEB, WEB_TASK, activity_query, demo, new_issue, newest_activity, user};
use crate::domain::activity::activity_type_name;
use crate::domain::ids::ActivityId;
use crate::domain::issue_filter::SortOrder;
use crate::ports::{IssueRepository, SpaceRepository, UserRepository};

fn ids(activities: &[crate::domain::activity::Activity]) -> Vec<i64> {
    activities.iter().map(|a| a.id.get()).collect()
}

#[tokio::test]
async fn the_seeded_history_is_newest_first_by_default() {
    let backlog = demo();
    let page = backlog.space_activities(&activity_query(20)).await.unwrap();
    assert_eq!(page.len(), 20);
    assert!(page.windows(2).all(|w| w[0].id > w[1].id));
    assert!(page.windows(2).all(|w| w[0].created >= w[1].created));
    let all = backlog
        .space_activities(&activity_query(100))
        .await
        .unwrap();
    let kinds: std::collections::BTreeSet<&str> = all
        .iter()
        .filter_map(|a| activity_type_name(a.type_id))
        .collect();
    for kind in [
        "IssueCreated",
        "IssueUpdated",
        "IssueCommented",
        "MilestoneCreated",
        "WikiUpdated",
        "GitPushed",
        "PullRequestAdded",
    ] {
        assert!(kinds.contains(kind), "{kind} missing from {kinds:?}");
    }
}

#[tokio::test]
async fn activities_are_filtered_by_type() {
    let backlog = demo();
    let mut query = activity_query(100);
    query.type_ids = vec![12];
    let pushes = backlog.space_activities(&query).await.unwrap();
    assert_eq!(pushes.len(), 2);
    assert!(pushes.iter().all(|a| a.type_id == 12));
    query.type_ids = vec![5, 6];
    let wiki = backlog.space_activities(&query).await.unwrap();
    assert_eq!(wiki.len(), 4);
    let titles: Vec<_> = wiki
        .iter()
        .filter_map(|a| a.content.title.as_deref())
        .collect();
    assert!(titles.contains(&"Release checklist") && titles.contains(&"VPN接続手順"));
}

#[tokio::test]
async fn max_id_pages_backwards_without_overlap_and_bounds_are_exclusive() {
    let backlog = demo();
    let all = ids(&backlog.space_activities(&activity_query(30)).await.unwrap());
    let first = backlog.space_activities(&activity_query(10)).await.unwrap();
    let mut next = activity_query(10);
    next.max_id = first.last().map(|a| a.id);
    let second = backlog.space_activities(&next).await.unwrap();
    let mut paged = ids(&first);
    paged.extend(ids(&second));
    assert_eq!(paged, all[..20]);

    let mut ascending = activity_query(3);
    ascending.order = SortOrder::Asc;
    ascending.min_id = Some(ActivityId::new(3001).unwrap());
    assert_eq!(
        ids(&backlog.space_activities(&ascending).await.unwrap()),
        [3002, 3003, 3004]
    );
    ascending.max_id = Some(ActivityId::new(3003).unwrap());
    assert_eq!(
        ids(&backlog.space_activities(&ascending).await.unwrap()),
        [3002]
    );
}

#[tokio::test]
async fn a_users_activities_are_only_theirs() {
    let backlog = demo();
    let mine = backlog
        .user_activities(user(1005), &activity_query(100))
        .await
        .unwrap();
    assert!(!mine.is_empty());
    assert!(
        mine.iter()
            .all(|a| a.created_user.as_ref().map(|u| u.id) == Some(user(1005)))
    );
}

#[tokio::test]
async fn every_write_appends_the_newest_activity() {
    let backlog = demo();
    let before = newest_activity(&backlog).await;
    let created = backlog
        .add_issue(&new_issue(WEB, "Add a status page", WEB_TASK))
        .await
        .unwrap();
    let activity = newest_activity(&backlog).await;
    assert!(activity.id > before.id);
    assert!(activity.created >= before.created);
    assert_eq!(activity.type_id, 1);
    assert_eq!(activity.content.issue_number, Some(created.key.number()));
    assert_eq!(activity.content.title.as_deref(), Some("Add a status page"));
    assert_eq!(
        activity.project.map(|p| p.key.to_string()),
        Some("WEB".into())
    );
    assert_eq!(activity.created_user.map(|u| u.id), Some(user(MYSELF)));
    let mine = backlog
        .user_activities(user(MYSELF), &activity_query(1))
        .await
        .unwrap();
    assert_eq!(mine[0].id, activity.id);
}
