use super::{MYSELF, WEB, WEB_TASK, activity_query, demo, new_issue, newest_activity, user};
use crate::ports::{IssueRepository, SpaceRepository, UserRepository};

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
