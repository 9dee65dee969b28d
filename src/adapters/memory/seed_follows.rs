//! What people follow in the demo space: their watch lists (notes, read
//! state) and the stars people and issues received.

use super::seed::{at, user_ref};
use super::seed_history::user;
use super::space::{Space, StarRecord, WatchingRecord};
use crate::domain::ids::WatchingId;

/// (watching id, login, issue key, note, resource already read, already read, day of November, hour)
type WatchingSeed = (
    i64,
    &'static str,
    &'static str,
    &'static str,
    bool,
    bool,
    u32,
    u32,
);

const WATCHINGS: [WatchingSeed; 8] = [
    (
        7001,
        "a.tanaka",
        "WEB-5",
        "Blocks the login fix release",
        true,
        true,
        16,
        5,
    ),
    (7002, "a.tanaka", "WEB-9", "", false, false, 16, 1),
    (
        7003,
        "a.tanaka",
        "APP-1",
        "クラッシュ対応の進捗を確認",
        false,
        true,
        17,
        7,
    ),
    (7004, "a.tanaka", "OPS-1", "", true, true, 19, 1),
    (
        7005,
        "a.tanaka",
        "WEB-12",
        "WCAG audit results",
        true,
        true,
        10,
        2,
    ),
    (7006, "a.tanaka", "APP-5", "", false, false, 11, 3),
    (
        7007,
        "t.sato",
        "WEB-1",
        "Top page redesign",
        true,
        true,
        3,
        4,
    ),
    (7008, "k.yamada", "OPS-3", "", false, false, 15, 2),
];

pub fn add_watchings(space: &mut Space) -> Option<()> {
    for (id, login, key, note, resource_already_read, already_read, day, hour) in WATCHINGS {
        let user = user_ref(space, login)?.id;
        let issue = space.issues.iter().find(|i| i.key.to_string() == key)?.id;
        let created = at(2026, 11, day, hour);
        space.watchings.push(WatchingRecord {
            id: WatchingId::new(id).ok()?,
            user,
            issue,
            note: note.to_owned(),
            resource_already_read,
            already_read,
            created,
            updated: created,
        });
    }
    Some(())
}

/// (receiver login, presenter login, month, day, hour UTC); the hours keep the
/// day the same in UTC and in Tokyo.
const STARS: [(&str, &str, u32, u32, u32); 15] = [
    ("a.tanaka", "t.sato", 10, 28, 2),
    ("a.tanaka", "j.smith", 11, 3, 4),
    ("a.tanaka", "m.suzuki", 11, 10, 6),
    ("a.tanaka", "t.sato", 11, 17, 5),
    ("a.tanaka", "k.yamada", 11, 20, 1),
    ("t.sato", "a.tanaka", 11, 5, 3),
    ("t.sato", "j.smith", 11, 16, 2),
    ("t.sato", "a.tanaka", 11, 17, 6),
    ("m.suzuki", "a.tanaka", 10, 20, 1),
    ("m.suzuki", "admin", 11, 6, 7),
    ("k.yamada", "a.tanaka", 11, 12, 2),
    ("k.yamada", "j.smith", 11, 19, 8),
    ("k.yamada", "a.tanaka", 11, 20, 3),
    ("k.yamada", "t.sato", 11, 21, 4),
    ("j.smith", "a.tanaka", 11, 18, 9),
];

/// (issue key, stars it received)
const ISSUE_STARS: [(&str, u64); 3] = [("WEB-5", 2), ("WEB-1", 1), ("OPS-1", 3)];

pub fn add_stars(space: &mut Space) -> Option<()> {
    for (key, stars) in ISSUE_STARS {
        space
            .issues
            .iter_mut()
            .find(|i| i.key.to_string() == key)?
            .star_count = stars;
    }
    for ((receiver, presenter, month, day, hour), id) in STARS.into_iter().zip(2001..) {
        let star = StarRecord {
            id,
            receiver: user(space, receiver)?,
            presenter: user(space, presenter)?,
            created: at(2026, month, day, hour),
        };
        space.stars.push(star);
    }
    Some(())
}
