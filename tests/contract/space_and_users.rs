//! The space, its space-wide lists and its users.

use crate::backends::Backlog;

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

crate::contract! {
    the_space_names_its_key_and_timezone [space]
    priorities_are_high_normal_low [priorities]
    resolutions_start_with_fixed_as_zero [resolutions]
    myself_is_one_of_the_users [myself, users]
}
