//! Tests of `seed`.

use super::*;
use crate::domain::issue::Issue;

#[test]
fn the_demo_space_is_complete_and_consistent() {
    let space = demo_space().expect("the seed tables are consistent");
    assert_eq!(space.users.len(), 6);
    assert_eq!(space.projects.len(), 3);
    assert_eq!(space.issues.len(), 50);
    assert!(space.issues.iter().any(|i| i.summary.contains("ログイン")));
    assert_eq!(
        space
            .issues
            .iter()
            .filter(|i| i.parent_issue_id.is_some())
            .count(),
        9
    );
    let web_3 = space
        .issues
        .iter()
        .find(|i| i.key.to_string() == "WEB-3")
        .unwrap();
    let web_1 = space
        .issues
        .iter()
        .find(|i| i.key.to_string() == "WEB-1")
        .unwrap();
    assert_eq!(web_3.parent_issue_id, Some(web_1.id));
    assert_eq!(space.comments.values().map(Vec::len).sum::<usize>(), 15);
    let mut comment_ids: Vec<i64> = space
        .comments
        .values()
        .flatten()
        .map(|c| c.id.get())
        .collect();
    comment_ids.sort_unstable();
    assert_eq!(comment_ids, (9001..=9015).collect::<Vec<_>>());
}

fn issue<'a>(space: &'a Space, key: &str) -> &'a Issue {
    space
        .issues
        .iter()
        .find(|i| i.key.to_string() == key)
        .unwrap()
}

#[test]
fn the_space_is_described_with_its_owner_and_zone() {
    let space = demo_space().unwrap();
    let info = space.info.unwrap();
    assert_eq!(
        (info.space_key.as_str(), info.name.as_str()),
        ("demo", "Demo Space")
    );
    assert_eq!(info.timezone.as_deref(), Some("Asia/Tokyo"));
    assert_eq!(info.lang.as_deref(), Some("ja"));
    assert_eq!(info.owner_id.map(UserId::get), Some(1000));
}

#[test]
fn added_comments_leave_every_issue_update_time_as_it_was() {
    let space = demo_space().unwrap();
    for issue in &space.issues {
        let comments = space.comments.get(&issue.id).into_iter().flatten();
        for comment in comments.filter(|c| c.id.get() > 9009) {
            assert!(Some(comment.created) < issue.updated, "{}", issue.key);
        }
    }
    // Issues whose details tests read keep their conversations.
    let count = |key| {
        space
            .comments
            .get(&issue(&space, key).id)
            .map_or(0, Vec::len)
    };
    assert_eq!(
        (
            count("WEB-5"),
            count("OPS-1"),
            count("APP-4"),
            count("WEB-3")
        ),
        (3, 3, 0, 0)
    );
}

#[test]
fn web_issues_carry_custom_field_values_of_the_project_definitions() {
    let space = demo_space().unwrap();
    let web = space
        .projects
        .iter()
        .find(|p| p.project.key.as_str() == "WEB")
        .unwrap();
    let names: Vec<&str> = web.custom_fields.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Story points",
            "Browser",
            "Platforms",
            "Customer",
            "Target date"
        ]
    );
    let web_5 = issue(&space, "WEB-5");
    let fields: Vec<(&str, String)> = web_5
        .custom_fields
        .iter()
        .map(|v| {
            (
                v.name.as_str(),
                super::super::custom_field_values::display(v).unwrap(),
            )
        })
        .collect();
    assert_eq!(
        fields,
        [
            ("Story points", "3".to_owned()),
            ("Browser", "Safari".to_owned()),
            ("Platforms", "macOS, iOS".to_owned()),
            ("Customer", "山田商事".to_owned()),
        ]
    );
    let app = space
        .projects
        .iter()
        .find(|p| p.project.key.as_str() == "APP")
        .unwrap();
    assert!(app.custom_fields.iter().any(|d| d.accepts_other_text()));
    assert_eq!(
        issue(&space, "APP-3").custom_fields[0]
            .other_value
            .as_deref(),
        Some("Foldables")
    );
}

#[test]
fn attachments_are_listed_on_their_issues_with_stored_bytes() {
    let space = demo_space().unwrap();
    let listed: Vec<(i64, String, u64)> = space
        .issues
        .iter()
        .flat_map(|i| {
            i.attachments
                .iter()
                .map(move |a| (a.id.get(), format!("{}:{}", i.key, a.name), a.size))
        })
        .collect();
    assert_eq!(listed.len(), 5);
    for (id, name, size) in &listed {
        let file = &space.files[&crate::domain::ids::AttachmentId::new(*id).unwrap()];
        assert_eq!(file.bytes.len() as u64, *size, "{name}");
    }
    assert!(
        listed
            .iter()
            .any(|(_, n, _)| n == "WEB-20:cookie-banner-iphone.png")
    );
    assert!(
        listed
            .iter()
            .any(|(_, n, _)| n == "OPS-4:見積書_SSL証明書.pdf")
    );
}

#[test]
fn history_watchings_and_stars_are_seeded_in_order() {
    let space = demo_space().unwrap();
    assert!(space.activities.len() > 60);
    assert!(
        space
            .activities
            .windows(2)
            .all(|w| w[0].id < w[1].id && w[0].created <= w[1].created)
    );
    assert_eq!(space.activities[0].id.get(), 3001);
    let mine = space.watchings.iter().filter(|w| w.user.get() == MYSELF);
    assert_eq!(mine.clone().count(), 6);
    assert_eq!(mine.filter(|w| !w.resource_already_read).count(), 3);
    assert_eq!(space.stars.len(), 15);
    assert!(space.clock >= at(2026, 11, 21, 18));
}
