//! Lists Backlog cannot narrow to a set of projects in one request, narrowed
//! so that pages stay whole: activities merged from each allowed project, and
//! lists read page by page until enough allowed items are found.

use crate::domain::activity::{Activity, ActivityQuery};
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::ProjectId;
use crate::domain::issue_filter::{PageSize, SortOrder};
use std::collections::BTreeSet;
use std::future::Future;

/// The most pages read to fill one narrowed page or count one narrowed list.
pub const MAX_SCANNED_PAGES: u64 = 50;

/// Merges per-project pages of the same query into one page in the query's
/// order: since each project's page holds its first `count` activities, the
/// first `count` of the merge are exactly the space's allowed ones.
pub fn merge_activities(pages: Vec<Vec<Activity>>, query: &ActivityQuery) -> Vec<Activity> {
    let mut merged: Vec<Activity> = pages.into_iter().flatten().collect();
    merged.sort_by_key(|a| a.id);
    merged.dedup_by_key(|a| a.id);
    if query.order == SortOrder::Desc {
        merged.reverse();
    }
    merged.truncate(usize::try_from(query.count.get()).unwrap_or(usize::MAX));
    merged
}

/// Whether an activity belongs to an allowed project.
pub fn in_projects(allowed: &BTreeSet<ProjectId>, activity: &Activity) -> bool {
    activity
        .project
        .as_ref()
        .is_some_and(|p| allowed.contains(&p.id))
}

/// Fills a page of `query.count` allowed activities by reading full pages and
/// moving the id cursor past each one, until the page is full, the list ends,
/// or [`MAX_SCANNED_PAGES`] were read (a shorter page then; its last id is
/// still a correct cursor to continue from).
pub async fn fill_activity_page<F, Fut>(
    query: &ActivityQuery,
    allowed: &BTreeSet<ProjectId>,
    fetch: F,
) -> Result<Vec<Activity>, BacklogError>
where
    F: Fn(ActivityQuery) -> Fut,
    Fut: Future<Output = Result<Vec<Activity>, BacklogError>>,
{
    let wanted = usize::try_from(query.count.get()).unwrap_or(usize::MAX);
    let mut page_query = ActivityQuery {
        count: PageSize::MAX,
        ..query.clone()
    };
    let mut kept = Vec::new();
    for _ in 0..MAX_SCANNED_PAGES {
        let page = fetch(page_query.clone()).await?;
        let full = page.len() as u64 >= PageSize::MAX.get();
        let Some(last) = page.last().map(|a| a.id) else {
            break;
        };
        match query.order {
            SortOrder::Desc => page_query.max_id = Some(last),
            SortOrder::Asc => page_query.min_id = Some(last),
        }
        kept.extend(page.into_iter().filter(|a| in_projects(allowed, a)));
        if kept.len() >= wanted || !full {
            break;
        }
    }
    kept.truncate(wanted);
    Ok(kept)
}

/// Reads an offset-paged list from the start, 100 at a time, keeping the items
/// `keep` accepts, until `enough` are kept (all of them when `None`) or the
/// list ends. More than [`MAX_SCANNED_PAGES`] pages is an error naming `what`.
pub async fn scan_offset_pages<T, F, Fut>(
    what: &str,
    enough: Option<u64>,
    keep: impl Fn(&T) -> bool,
    fetch: F,
) -> Result<Vec<T>, BacklogError>
where
    F: Fn(u64) -> Fut,
    Fut: Future<Output = Result<Vec<T>, BacklogError>>,
{
    let mut kept = Vec::new();
    for page_number in 0..MAX_SCANNED_PAGES {
        let page = fetch(page_number * PageSize::MAX.get()).await?;
        let full = page.len() as u64 >= PageSize::MAX.get();
        kept.extend(page.into_iter().filter(|item| keep(item)));
        let done = enough.is_some_and(|enough| kept.len() as u64 >= enough);
        if done || !full {
            return Ok(kept);
        }
    }
    Err(BacklogError::Refused {
        reason: format!(
            "{what} holds more than {} entries to look through for the allowed projects (BACKLOG_ALLOWED_PROJECTS); narrow it (e.g. by issue or read state)",
            MAX_SCANNED_PAGES * PageSize::MAX.get()
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::activity::{ActivityContent, ActivityProject};
    use crate::domain::ids::ActivityId;
    use crate::domain::keys::ProjectKey;
    use std::sync::Mutex;

    fn activity(id: i64, project: i64) -> Activity {
        Activity {
            id: ActivityId::new(id).unwrap(),
            type_id: 1,
            project: Some(ActivityProject {
                id: ProjectId::new(project).unwrap(),
                key: ProjectKey::parse("P").unwrap(),
                name: "P".into(),
            }),
            content: ActivityContent::default(),
            created_user: None,
            created: chrono::Utc::now(),
        }
    }

    fn query(count: i64, order: SortOrder) -> ActivityQuery {
        ActivityQuery {
            type_ids: Vec::new(),
            min_id: None,
            max_id: None,
            count: PageSize::new(count).unwrap(),
            order,
        }
    }

    fn ids(activities: &[Activity]) -> Vec<i64> {
        activities.iter().map(|a| a.id.get()).collect()
    }

    #[test]
    fn per_project_pages_merge_into_the_space_order() {
        let web = vec![activity(9, 1), activity(5, 1), activity(2, 1)];
        let app = vec![activity(8, 2), activity(7, 2), activity(1, 2)];
        let merged = merge_activities(vec![web, app], &query(4, SortOrder::Desc));
        assert_eq!(ids(&merged), [9, 8, 7, 5]);
        let ascending = merge_activities(
            vec![vec![activity(2, 1), activity(5, 1)], vec![activity(1, 2)]],
            &query(2, SortOrder::Asc),
        );
        assert_eq!(ids(&ascending), [1, 2]);
    }

    #[tokio::test]
    async fn a_narrowed_page_is_filled_from_later_pages_with_the_cursor() {
        // 250 activities, newest first; every tenth is in the allowed project 1.
        let all: Vec<Activity> = (1..=250)
            .rev()
            .map(|id| activity(id, if id % 10 == 0 { 1 } else { 2 }))
            .collect();
        let asked = Mutex::new(Vec::new());
        let allowed = BTreeSet::from([ProjectId::new(1).unwrap()]);
        let page = fill_activity_page(&query(20, SortOrder::Desc), &allowed, |q| {
            asked.lock().unwrap().push(q.max_id.map(ActivityId::get));
            let page: Vec<Activity> = all
                .iter()
                .filter(|a| q.max_id.is_none_or(|max| a.id < max))
                .take(usize::try_from(q.count.get()).unwrap())
                .cloned()
                .collect();
            async move { Ok(page) }
        })
        .await
        .unwrap();
        let expected: Vec<i64> = (6..=25).rev().map(|n| n * 10).collect();
        assert_eq!(ids(&page), expected);
        assert_eq!(*asked.lock().unwrap(), [None, Some(151)]);
    }

    #[tokio::test]
    async fn an_offset_list_is_scanned_until_enough_are_kept() {
        let all: Vec<u64> = (0..250).collect();
        let offsets = Mutex::new(Vec::new());
        let fetch = |offset: u64| {
            offsets.lock().unwrap().push(offset);
            let page: Vec<u64> = all
                .iter()
                .copied()
                .skip(usize::try_from(offset).unwrap())
                .take(100)
                .collect();
            async move { Ok(page) }
        };
        let even = scan_offset_pages("the list", Some(60), |n: &u64| n.is_multiple_of(2), fetch)
            .await
            .unwrap();
        assert_eq!(even.len(), 100, "the whole second page is kept");
        assert_eq!(*offsets.lock().unwrap(), [0, 100]);
        offsets.lock().unwrap().clear();
        let every = scan_offset_pages("the list", None, |n: &u64| n.is_multiple_of(2), fetch)
            .await
            .unwrap();
        assert_eq!(every.len(), 125);
        assert_eq!(*offsets.lock().unwrap(), [0, 100, 200]);
    }
}
