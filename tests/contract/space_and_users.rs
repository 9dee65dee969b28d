//! The space, its space-wide lists and its users.

use crate::backends::Backlog;
use crate::support::{add_issue, me, not_found};
use backlog_mcp::domain::activity::ActivityQuery;
use backlog_mcp::domain::calendar_date::{CalendarDate, DateRange};
use backlog_mcp::domain::ids::UserId;
use backlog_mcp::domain::issue_filter::{PageSize, SortOrder};
use chrono::{Days, NaiveDate};

pub async fn the_space_names_its_key_and_timezone(b: &dyn Backlog) {
    let space = b.space().await.unwrap();
    assert!(!space.space_key.is_empty());
    assert!(space.timezone.is_some());
}

pub async fn priorities_are_high_normal_low(b: &dyn Backlog) {
    let priorities = b.priorities().await.unwrap();
    let named: Vec<(i64, &str)> = priorities
        .iter()
        .map(|p| (p.id.get(), p.name.as_str()))
        .collect();
    assert_eq!(named, [(2, "High"), (3, "Normal"), (4, "Low")]);
}

pub async fn resolutions_start_with_fixed_as_zero(b: &dyn Backlog) {
    let resolutions = b.resolutions().await.unwrap();
    assert_eq!(resolutions[0].id.get(), 0);
    assert_eq!(resolutions[0].name, "Fixed");
    assert!(resolutions.len() >= 5, "{resolutions:?}");
}

pub async fn myself_is_one_of_the_users(b: &dyn Backlog) {
    let myself = b.myself().await.unwrap();
    let users = b.users().await.unwrap();
    assert!(
        users.iter().any(|u| u == &myself),
        "{myself:?} not in {users:?}"
    );
    assert!(users.len() > 1);
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

pub async fn received_stars_are_counted_within_a_range_of_days(b: &dyn Backlog) {
    let me = me(b).await;
    let total = b
        .received_star_count(me, &DateRange::default())
        .await
        .unwrap();
    let far_future =
        DateRange::new(Some(CalendarDate::parse("2099-01-01").unwrap()), None).unwrap();
    assert_eq!(b.received_star_count(me, &far_future).await.unwrap(), 0);
    let far_past = DateRange::new(None, Some(CalendarDate::parse("1999-12-31").unwrap())).unwrap();
    assert_eq!(b.received_star_count(me, &far_past).await.unwrap(), 0);
    let users = b.users().await.unwrap();
    let mut sum = 0;
    for user in &users {
        sum += b
            .received_star_count(user.id, &DateRange::default())
            .await
            .unwrap();
    }
    assert!(sum >= total);
    assert!(sum > 0, "the seed has starred something");
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

async fn stars(
    b: &dyn Backlog,
    user: UserId,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> u64 {
    let day = |d: Option<NaiveDate>| d.map(CalendarDate::from_naive);
    let range = DateRange::new(day(since), day(until)).unwrap();
    b.received_star_count(user, &range).await.unwrap()
}

/// A range counts the stars of both its first and its last day: found by
/// bisecting to the day of my first star.
pub async fn received_stars_count_both_ends_of_a_range(b: &dyn Backlog) {
    let me = me(b).await;
    let total = stars(b, me, None, None).await;
    assert!(total > 0, "the seed stars something of mine");
    let (mut lo, mut hi) = (
        NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2099, 12, 31).unwrap(),
    );
    assert_eq!(stars(b, me, None, Some(lo)).await, 0);
    assert_eq!(stars(b, me, None, Some(hi)).await, total);
    while lo + Days::new(1) < hi {
        let mid = lo + Days::new((hi - lo).num_days() as u64 / 2);
        if stars(b, me, None, Some(mid)).await > 0 {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    let first_day = stars(b, me, None, Some(hi)).await;
    assert!(first_day > 0);
    assert_eq!(stars(b, me, Some(hi), Some(hi)).await, first_day);
    assert_eq!(stars(b, me, Some(hi), None).await, total);
    let after = stars(b, me, Some(hi + Days::new(1)), None).await;
    assert_eq!(after, total - first_day);
}

crate::contract! {
    the_space_names_its_key_and_timezone [space]
    priorities_are_high_normal_low [priorities]
    resolutions_start_with_fixed_as_zero [resolutions]
    myself_is_one_of_the_users [myself, users]
    a_users_activities_are_their_own_filtered_by_type [user_activities]
    an_unknown_users_activities_are_not_found [user_activities]
    received_stars_are_counted_within_a_range_of_days [received_star_count]
    received_stars_count_both_ends_of_a_range [received_star_count]
}
