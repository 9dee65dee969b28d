//! Stars users received, counted within a range of days.

use crate::backends::Backlog;
use crate::support::me;
use backlog_mcp::domain::calendar_date::{CalendarDate, DateRange};
use backlog_mcp::domain::ids::UserId;
use chrono::{Days, NaiveDate};

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
    received_stars_are_counted_within_a_range_of_days [received_star_count]
    received_stars_count_both_ends_of_a_range [received_star_count]
}
