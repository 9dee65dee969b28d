use super::{activity_query, demo};
use crate::ports::SpaceRepository;

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
