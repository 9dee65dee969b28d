//! Recent updates of the space, of a project and of a user, paged by activity id.

use crate::backends::Backlog;
use crate::support::{add_issue, by_key, me, not_found, project_ref};
use backlog_mcp::domain::activity::ActivityQuery;
use backlog_mcp::domain::changes::{IssueUpdate, NewComment};
use backlog_mcp::domain::ids::UserId;
use backlog_mcp::domain::issue_filter::{PageSize, SortOrder};

pub async fn space_activities_page_by_id_newest_first(b: &dyn Backlog) {
    let first = b.space_activities(&query(vec![], 5)).await.unwrap();
    assert_eq!(first.len(), 5);
    assert!(first.windows(2).all(|w| w[0].id > w[1].id), "newest first");
    let mut next = query(vec![], 5);
    next.max_id = Some(first[4].id);
    let second = b.space_activities(&next).await.unwrap();
    assert!(!second.is_empty());
    assert!(second.iter().all(|a| a.id < first[4].id));
    let mut oldest = query(vec![], 5);
    oldest.order = SortOrder::Asc;
    let ascending = b.space_activities(&oldest).await.unwrap();
    assert!(
        ascending.windows(2).all(|w| w[0].id < w[1].id),
        "oldest first"
    );
}

pub async fn a_new_issue_is_the_newest_activity_of_its_project_only(b: &dyn Backlog) {
    let issue = add_issue(b, "WEB", "Newest activity").await;
    let newest = b.space_activities(&query(vec![], 1)).await.unwrap();
    assert_eq!(newest[0].type_id, 1);
    let project = newest[0].project.as_ref().unwrap();
    assert_eq!(project.key.as_str(), "WEB");
    assert_eq!(newest[0].content.issue_number, Some(issue.key.number()));
    let web = b
        .project_activities(&project_ref("WEB"), &query(vec![], 1))
        .await
        .unwrap();
    assert_eq!(web[0].id, newest[0].id);
    let app = b
        .project_activities(&project_ref("APP"), &query(vec![], 100))
        .await
        .unwrap();
    assert!(app.iter().all(|a| a.id != newest[0].id));
    assert!(
        app.iter()
            .all(|a| a.project.as_ref().map(|p| p.key.as_str()) == Some("APP"))
    );
}

pub async fn an_unknown_projects_activities_are_not_found(b: &dyn Backlog) {
    not_found(
        b.project_activities(&project_ref("NOPE"), &query(vec![], 5))
            .await,
    );
}

pub async fn updates_and_comments_are_activities_with_their_text(b: &dyn Backlog) {
    let issue = add_issue(b, "WEB", "Active").await;
    let update = IssueUpdate {
        summary: Some("Active still".to_owned()),
        comment: Some("Renamed".to_owned()),
        ..IssueUpdate::default()
    };
    b.update_issue(&by_key(&issue), &update).await.unwrap();
    let updated = b
        .space_activities(&query(vec![], 1))
        .await
        .unwrap()
        .remove(0);
    assert_eq!(updated.type_id, 2);
    assert_eq!(updated.content.comment.as_deref(), Some("Renamed"));
    assert_eq!(updated.content.changes.len(), 1);
    assert_eq!(updated.content.changes[0].field, "summary");
    let comment = NewComment {
        content: "Said".to_owned(),
        notified_user_ids: vec![],
        attachment_ids: vec![],
    };
    b.add_comment(&by_key(&issue), &comment).await.unwrap();
    let commented = b
        .space_activities(&query(vec![], 1))
        .await
        .unwrap()
        .remove(0);
    assert_eq!(commented.type_id, 3);
    assert_eq!(commented.content.comment.as_deref(), Some("Said"));
    assert_eq!(commented.content.issue_number, Some(issue.key.number()));
}

pub async fn activity_bounds_are_exclusive(b: &dyn Backlog) {
    let page = b.space_activities(&query(vec![], 5)).await.unwrap();
    let mut below = query(vec![], 5);
    below.max_id = Some(page[1].id);
    let older = b.space_activities(&below).await.unwrap();
    assert_eq!(older[0].id, page[2].id);
    let mut above = query(vec![], 5);
    above.min_id = Some(page[3].id);
    let newer = b.space_activities(&above).await.unwrap();
    assert_eq!(
        newer.iter().map(|a| a.id).collect::<Vec<_>>(),
        page[..3].iter().map(|a| a.id).collect::<Vec<_>>()
    );
}

pub async fn space_activities_are_filtered_by_type(b: &dyn Backlog) {
    let issue = add_issue(b, "WEB", "Typed activities").await;
    let update = IssueUpdate {
        summary: Some("Typed activities, updated".to_owned()),
        ..IssueUpdate::default()
    };
    b.update_issue(&by_key(&issue), &update).await.unwrap();
    let all = b.space_activities(&query(vec![], 100)).await.unwrap();
    for types in [vec![1], vec![2], vec![1, 2]] {
        let found = b
            .space_activities(&query(types.clone(), 100))
            .await
            .unwrap();
        assert!(!found.is_empty(), "{types:?}");
        assert!(
            found.iter().all(|a| types.contains(&a.type_id)),
            "{types:?}"
        );
        let expected: Vec<_> = all
            .iter()
            .filter(|a| types.contains(&a.type_id))
            .map(|a| a.id)
            .collect();
        let ids: Vec<_> = found.iter().map(|a| a.id).collect();
        assert!(
            ids.starts_with(&expected),
            "{types:?}: the newest of those types"
        );
    }
}

pub fn query(type_ids: Vec<i64>, count: i64) -> ActivityQuery {
    ActivityQuery {
        type_ids,
        min_id: None,
        max_id: None,
        count: PageSize::new(count).unwrap(),
        order: SortOrder::Desc,
    }
}

pub async fn a_users_activities_are_their_own_filtered_by_type(b: &dyn Backlog) {
    let me = me(b).await;
    let issue = add_issue(b, "WEB", "Activity of mine").await;
    let all = b.user_activities(me, &query(vec![], 20)).await.unwrap();
    let newest = &all[0];
    assert_eq!(newest.type_id, 1);
    assert_eq!(
        newest.content.title.as_deref(),
        Some(issue.summary.as_str())
    );
    assert!(
        all.iter()
            .all(|a| a.created_user.as_ref().map(|u| u.id) == Some(me))
    );
    let created = b.user_activities(me, &query(vec![1], 20)).await.unwrap();
    assert!(!created.is_empty());
    assert!(created.iter().all(|a| a.type_id == 1));
}

pub async fn an_unknown_users_activities_are_not_found(b: &dyn Backlog) {
    let nobody = UserId::new(987_654_321).unwrap();
    not_found(b.user_activities(nobody, &query(vec![], 5)).await);
}

crate::contract! {
    a_users_activities_are_their_own_filtered_by_type [user_activities]
    an_unknown_users_activities_are_not_found [user_activities]
    space_activities_page_by_id_newest_first [space_activities]
    a_new_issue_is_the_newest_activity_of_its_project_only [space_activities, project_activities]
    an_unknown_projects_activities_are_not_found [project_activities]
    updates_and_comments_are_activities_with_their_text [space_activities, update_issue, add_comment]
    activity_bounds_are_exclusive [space_activities]
    space_activities_are_filtered_by_type [space_activities]
}
