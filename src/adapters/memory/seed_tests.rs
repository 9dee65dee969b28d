//! Tests of `seed`: the demo space builds (`MemoryBacklog::demo` would fall back
//! to an empty space) and its history is consistent, so demo mode's answers are.
//! What the ports show of it is the contract suite's (tests/contract).

use super::*;

#[test]
fn the_demo_space_builds_with_what_its_documentation_promises() {
    let space = demo_space().expect("the seed tables are consistent");
    let info = space.info.as_ref().unwrap();
    assert_eq!(info.space_key, "demo");
    assert_eq!(info.timezone.as_deref(), Some("Asia/Tokyo"));
    assert_eq!(space.myself.map(UserId::get), Some(MYSELF));
    let sizes = (space.users.len(), space.projects.len(), space.issues.len());
    assert_eq!(sizes, (6, 3, 50));
    let children = space.issues.iter().filter(|i| i.parent_issue_id.is_some());
    assert_eq!(children.count(), 9);
    let mut comment_ids: Vec<i64> = space
        .comments
        .values()
        .flatten()
        .map(|c| c.id.get())
        .collect();
    comment_ids.sort_unstable();
    assert_eq!(comment_ids, (9001..=9015).collect::<Vec<_>>());
}

#[test]
fn the_seed_history_runs_forward() {
    let space = demo_space().unwrap();
    for issue in &space.issues {
        assert!(Some(issue.created) <= issue.updated, "{}", issue.key);
        for comment in space.comments.get(&issue.id).into_iter().flatten() {
            assert!(issue.created <= comment.created, "{}", issue.key);
            assert!(Some(comment.created) <= issue.updated, "{}", issue.key);
        }
    }
    assert!(space.activities.len() > 60);
    let ordered =
        |w: &[crate::domain::activity::Activity]| w[0].id < w[1].id && w[0].created <= w[1].created;
    assert!(space.activities.windows(2).all(ordered));
    let last = space.activities.last().unwrap().created;
    assert!(space.clock >= last && space.clock >= at(2026, 11, 21, 18));
}
