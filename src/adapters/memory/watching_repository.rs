use super::served_by_space::served_by_space;
use crate::domain::ids::{UserId, WatchingId};
use crate::domain::watching::{Watching, WatchingCountQuery, WatchingQuery};
use crate::ports::{IssueRef, WatchingRepository};

served_by_space!(WatchingRepository {
    read watchings(user: UserId, query: &WatchingQuery) -> Vec<Watching> = watch_list;
    read watching_count(user: UserId, query: &WatchingCountQuery) -> u64 = watch_count;
    read watching(id: WatchingId) -> Watching;
    write add_watching(issue: &IssueRef, note: &str) -> Watching;
    write update_watching(id: WatchingId, note: &str) -> Watching;
    write delete_watching(id: WatchingId) -> Watching;
    write mark_watching_as_read(id: WatchingId) -> () = mark_watching_read;
});
