use super::{MYSELF, demo, missing, user};
use crate::domain::calendar_date::{CalendarDate, DateRange};
use crate::ports::{SpaceRepository, UserRepository};

fn days(since: Option<&str>, until: Option<&str>) -> DateRange {
    let day = |d: &str| CalendarDate::parse(d).unwrap();
    DateRange::new(since.map(day), until.map(day)).unwrap()
}

#[tokio::test]
async fn the_space_is_the_demo_space_owned_by_the_admin() {
    let space = demo().space().await.unwrap();
    assert_eq!(space.space_key, "demo");
    assert_eq!(space.name, "Demo Space");
    assert_eq!(space.timezone.as_deref(), Some("Asia/Tokyo"));
    assert_eq!(space.lang.as_deref(), Some("ja"));
    assert_eq!(space.owner_id, Some(user(1000)));
}

#[tokio::test]
async fn a_space_without_a_description_answers_no_space() {
    let backlog = super::MemoryBacklog::with_space(super::super::Space::default());
    assert_eq!(missing(backlog.space().await).1, "No space.");
}

#[tokio::test]
async fn users_are_every_user_of_the_space_by_id() {
    let backlog = demo();
    let users = backlog.users().await.unwrap();
    let logins: Vec<_> = users.iter().filter_map(|u| u.login_id.as_deref()).collect();
    assert_eq!(
        logins,
        [
            "admin", "a.tanaka", "t.sato", "m.suzuki", "j.smith", "k.yamada"
        ]
    );
    assert_eq!(backlog.myself().await.unwrap().id, user(MYSELF));
}

#[tokio::test]
async fn stars_are_counted_within_inclusive_days() {
    let backlog = demo();
    let count = |who: i64, range: DateRange| {
        let backlog = &backlog;
        async move {
            backlog
                .received_star_count(user(who), &range)
                .await
                .unwrap()
        }
    };
    assert_eq!(count(MYSELF, DateRange::default()).await, 5);
    // 2026-11-03, 11-10 and 11-17: both ends count.
    assert_eq!(
        count(MYSELF, days(Some("2026-11-03"), Some("2026-11-17"))).await,
        3
    );
    assert_eq!(
        count(MYSELF, days(Some("2026-11-18"), Some("2026-11-19"))).await,
        0
    );
    assert_eq!(count(MYSELF, days(None, Some("2026-10-31"))).await, 1);
    assert_eq!(count(1005, days(Some("2026-11-20"), None)).await, 2);
    assert_eq!(count(1000, DateRange::default()).await, 0);
}
