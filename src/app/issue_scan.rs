//! Fetching every issue that matches a filter: the count and the first page
//! together, then the other pages concurrently (bounded), merged in Backlog's
//! order without duplicates. When more than one page was needed the count is
//! checked again, beside the last pages (as are the parents' keys); if issues
//! were added or removed during the scan, it runs again so nothing is
//! silently missed.

use super::tooling::ToolError;
use super::views::{keys_of, missing_parents, own_keys, parent_keys};
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::IssueId;
use crate::domain::issue::Issue;
use crate::domain::issue_filter::{IssueFilter, IssueQuery, IssueSort, PageSize, SortOrder};
use crate::domain::keys::IssueKey;
use crate::ports::{IssueRepository, Progress, ToolContext};
use futures::{StreamExt, TryStreamExt, stream};
use std::collections::{HashMap, HashSet};
use tokio::sync::oneshot;

/// Bounds of a full scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScanLimits {
    /// Pages requested at the same time.
    pub concurrency: usize,
    /// More matching issues than this is an error asking to narrow the filter.
    pub ceiling: u64,
}

/// Passes before giving up on a space that keeps changing under the scan.
const MAX_PASSES: u32 = 3;

/// What a scan is asked for besides the issues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScanNeeds {
    Issues,
    /// Also the keys of the issues' parents, looked up while the last pages
    /// are fetched.
    ParentKeys,
}

#[derive(Debug)]
pub struct ScanResult {
    pub issues: Vec<Issue>,
    /// False when issues kept changing through every pass; `issues` is the last pass.
    pub settled: bool,
    /// With [`ScanNeeds::ParentKeys`]: the keys of the issues and of their parents.
    pub keys: HashMap<IssueId, IssueKey>,
}

/// Every issue matching `filter`, in creation order (oldest first): the one
/// order in which updates move nothing and new issues only append.
pub async fn scan_issues(
    repo: &dyn IssueRepository,
    filter: &IssueFilter,
    limits: ScanLimits,
    context: &ToolContext,
    needs: ScanNeeds,
) -> Result<ScanResult, ToolError> {
    cancellable(context, scan(repo, filter, limits, context, needs, None)).await
}

/// Like [`scan_issues`] when the caller has just counted the matches: the
/// first page is asked for without counting again.
pub async fn scan_counted_issues(
    repo: &dyn IssueRepository,
    filter: &IssueFilter,
    count: u64,
    limits: ScanLimits,
    context: &ToolContext,
) -> Result<ScanResult, ToolError> {
    let scan = scan(
        repo,
        filter,
        limits,
        context,
        ScanNeeds::Issues,
        Some(count),
    );
    cancellable(context, scan).await
}

async fn cancellable(
    context: &ToolContext,
    scan: impl Future<Output = Result<ScanResult, ToolError>>,
) -> Result<ScanResult, ToolError> {
    let cancelled = context.cancellation.clone();
    tokio::select! {
        biased;
        () = cancelled.cancelled() => Err(ToolError::Cancelled),
        result = scan => result,
    }
}

async fn scan(
    repo: &dyn IssueRepository,
    filter: &IssueFilter,
    limits: ScanLimits,
    context: &ToolContext,
    needs: ScanNeeds,
    counted: Option<u64>,
) -> Result<ScanResult, ToolError> {
    // Most scans fit in one page: asked together with the count (or after the
    // caller's count), that page answers in one round trip. Nothing can move
    // between pages of a single page, so it needs no recount; a page that
    // disagrees with the count (an issue added or removed meanwhile) falls
    // through to the full scan.
    let first_query = page_query(filter, 0);
    let (mut expected, first) = match counted {
        Some(0) => (0, Vec::new()),
        Some(count) if count > PageSize::MAX.get() => {
            check_ceiling(count, limits.ceiling)?;
            (count, repo.issues(&first_query).await?)
        }
        Some(count) => (count, repo.issues(&first_query).await?),
        None => futures::try_join!(repo.count_issues(filter), repo.issues(&first_query))?,
    };
    let first_len = u64::try_from(first.len()).unwrap_or(u64::MAX);
    if expected <= PageSize::MAX.get() && first_len == expected {
        report(context, 1, 1, first.len()).await;
        let keys = match needs {
            ScanNeeds::ParentKeys => parent_keys(repo, &first).await?,
            ScanNeeds::Issues => HashMap::new(),
        };
        return Ok(ScanResult {
            issues: first,
            settled: true,
            keys,
        });
    }
    let mut first = Some(first);
    let mut pages_done = 0_u64;
    let mut pages_planned = 0_u64;
    let mut issues = Vec::new();
    let mut keys = HashMap::new();
    for _ in 0..MAX_PASSES {
        check_ceiling(expected, limits.ceiling)?;
        let pages = expected.div_ceil(PageSize::MAX.get());
        pages_planned += pages;
        let pass = fetch_pass(
            repo,
            filter,
            Pass {
                pages,
                first: first.take(),
                concurrency: limits.concurrency,
                pages_planned,
                needs,
            },
            context,
            &mut pages_done,
        )
        .await?;
        issues = pass.issues;
        keys = pass.keys;
        let fetched = u64::try_from(issues.len()).unwrap_or(u64::MAX);
        if pass.recount == expected && fetched == expected {
            if needs == ScanNeeds::ParentKeys {
                complete_keys(repo, &issues, &mut keys).await?;
            }
            return Ok(ScanResult {
                issues,
                settled: true,
                keys,
            });
        }
        tracing::info!(
            expected,
            recount = pass.recount,
            fetched,
            "issues changed during the scan; scanning again"
        );
        expected = pass.recount;
    }
    if needs == ScanNeeds::ParentKeys {
        complete_keys(repo, &issues, &mut keys).await?;
    }
    Ok(ScanResult {
        issues,
        settled: false,
        keys,
    })
}

/// Adds the keys of the issues and of the parents not looked up yet (usually
/// none: parents are older than their children, so they come in earlier pages).
async fn complete_keys(
    repo: &dyn IssueRepository,
    issues: &[Issue],
    keys: &mut HashMap<IssueId, IssueKey>,
) -> Result<(), BacklogError> {
    keys.extend(own_keys(issues));
    let missing = missing_parents(issues, keys);
    keys.extend(keys_of(repo, &missing).await?);
    Ok(())
}

/// Page `page` (of 100) in creation order.
fn page_query(filter: &IssueFilter, page: u64) -> IssueQuery {
    let page_size = PageSize::MAX;
    IssueQuery {
        filter: filter.clone(),
        sort: Some(IssueSort::Created),
        order: SortOrder::Asc,
        offset: page * page_size.get(),
        count: page_size,
    }
}

async fn report(context: &ToolContext, done: u64, total: u64, issues: usize) {
    context
        .progress
        .report(Progress {
            done,
            total: Some(total),
            message: Some(format!("fetched {issues} issues")),
        })
        .await;
}

fn check_ceiling(count: u64, ceiling: u64) -> Result<(), ToolError> {
    if count > ceiling {
        return Err(ToolError::TooLarge(format!(
            "{count} issues match, more than the {ceiling} this server fetches in one call \
             (BACKLOG_SCAN_CEILING); narrow the filters, e.g. by project, status, milestone \
             or an updated_since date"
        )));
    }
    Ok(())
}

/// One pass over every page.
struct Pass {
    pages: u64,
    /// Page 0 when it was already fetched (with the first count).
    first: Option<Vec<Issue>>,
    concurrency: usize,
    pages_planned: u64,
    needs: ScanNeeds,
}

/// What one pass found, and the count taken beside its last pages.
struct PassOutcome {
    issues: Vec<Issue>,
    recount: u64,
    /// Parent keys looked up beside the last pages.
    keys: HashMap<IssueId, IssueKey>,
}

/// Fetches every page of a pass. The count is taken again, and the parents of
/// the issues fetched so far are looked up, as soon as the last page is asked
/// for, so neither costs a round trip of its own. A change before the last
/// page was asked for shows in that count; one during the last pages moves
/// or adds issues there, which shows in the number fetched.
async fn fetch_pass(
    repo: &dyn IssueRepository,
    filter: &IssueFilter,
    pass: Pass,
    context: &ToolContext,
    pages_done: &mut u64,
) -> Result<PassOutcome, ToolError> {
    let concurrency = pass.concurrency.max(1);
    let (tail_start, tail_started) = oneshot::channel::<Vec<IssueId>>();
    let pages = async {
        let mut tail_start = Some(tail_start);
        let mut start_tail = |merged: &Merged| {
            if let Some(sender) = tail_start.take() {
                let known = own_keys(&merged.issues);
                let _ = sender.send(missing_parents(&merged.issues, &known));
            }
        };
        let mut merged = Merged::default();
        let start = match pass.first {
            Some(first) => {
                *pages_done += 1;
                merged.add(first);
                report(
                    context,
                    *pages_done,
                    pass.pages_planned,
                    merged.issues.len(),
                )
                .await;
                1
            }
            None => 0,
        };
        let last = pass.pages.saturating_sub(1);
        // The last page is asked for once the page `concurrency` before it is in.
        let asks_for_last = last.checked_sub(u64::try_from(concurrency).unwrap_or(u64::MAX));
        if asks_for_last.is_none_or(|page| page < start) {
            start_tail(&merged);
        }
        let mut fetched = stream::iter(start..pass.pages)
            .map(|page| {
                let query = page_query(filter, page);
                async move { repo.issues(&query).await.map(|issues| (page, issues)) }
            })
            .buffered(concurrency);
        while let Some((page, issues)) = fetched.try_next().await? {
            *pages_done += 1;
            merged.add(issues);
            report(
                context,
                *pages_done,
                pass.pages_planned,
                merged.issues.len(),
            )
            .await;
            if asks_for_last == Some(page) {
                start_tail(&merged);
            }
        }
        start_tail(&merged);
        Ok::<_, ToolError>(merged.issues)
    };
    let tail = async {
        let missing = tail_started.await.unwrap_or_default();
        let keys = async {
            match pass.needs {
                ScanNeeds::ParentKeys => keys_of(repo, &missing).await,
                ScanNeeds::Issues => Ok(HashMap::new()),
            }
        };
        let (recount, keys) = futures::try_join!(repo.count_issues(filter), keys)?;
        Ok::<_, ToolError>((recount, keys))
    };
    let (issues, (recount, keys)) = futures::try_join!(pages, tail)?;
    Ok(PassOutcome {
        issues,
        recount,
        keys,
    })
}

/// Pages merged in order, each issue once (an issue can move to the next page
/// while the scan runs).
#[derive(Default)]
struct Merged {
    seen: HashSet<IssueId>,
    issues: Vec<Issue>,
}

impl Merged {
    fn add(&mut self, page: Vec<Issue>) {
        for issue in page {
            if self.seen.insert(issue.id) {
                self.issues.push(issue);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::test_support::sample_issue;
    use crate::ports::issue_repository::MockIssueRepository;
    use mockall::predicate::always;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU64, Ordering};

    fn limits() -> ScanLimits {
        ScanLimits {
            concurrency: 4,
            ceiling: 10_000,
        }
    }

    async fn scan_everything(repo: &MockIssueRepository) -> Result<ScanResult, ToolError> {
        let context = ToolContext::detached();
        scan_issues(
            repo,
            &IssueFilter::default(),
            limits(),
            &context,
            ScanNeeds::Issues,
        )
        .await
    }

    fn serve_pages(repo: &mut MockIssueRepository, total: i64) {
        repo.expect_issues().returning(move |q| {
            let start = i64::try_from(q.offset).unwrap();
            let end = (start + 100).min(total);
            Ok((start..end).map(|i| sample_issue(i + 1)).collect())
        });
    }

    #[tokio::test]
    async fn all_pages_are_fetched_in_order_with_one_count_before_and_after() {
        let mut repo = MockIssueRepository::new();
        repo.expect_count_issues().times(2).returning(|_| Ok(250));
        serve_pages(&mut repo, 250);
        let result = scan_everything(&repo).await.unwrap();
        assert!(result.settled);
        let ids: Vec<i64> = result.issues.iter().map(|i| i.id.get()).collect();
        assert_eq!(ids, (1..=250).collect::<Vec<_>>());
    }

    #[tokio::test]
    async fn one_page_is_one_count_and_one_page_asked_together() {
        let mut repo = MockIssueRepository::new();
        repo.expect_count_issues().times(1).returning(|_| Ok(42));
        repo.expect_issues()
            .times(1)
            .withf(|q| q.offset == 0 && q.count == PageSize::MAX)
            .returning(|_| Ok((1..=42).map(sample_issue).collect()));
        let result = scan_everything(&repo).await.unwrap();
        assert!(result.settled);
        assert_eq!(result.issues.len(), 42);
    }

    #[tokio::test]
    async fn a_first_page_that_disagrees_with_the_count_is_scanned_in_full() {
        let mut repo = MockIssueRepository::new();
        let counts = Arc::new(AtomicU64::new(0));
        let calls = counts.clone();
        repo.expect_count_issues().returning(move |_| {
            // 42 when counted, 43 by the time the page is served and after.
            Ok(if calls.fetch_add(1, Ordering::SeqCst) == 0 {
                42
            } else {
                43
            })
        });
        serve_pages(&mut repo, 43);
        let result = scan_everything(&repo).await.unwrap();
        assert!(result.settled);
        assert_eq!(result.issues.len(), 43);
        assert!(counts.load(Ordering::SeqCst) >= 2, "counted again");
    }

    #[tokio::test]
    async fn a_count_that_moves_during_the_scan_triggers_another_pass() {
        let mut repo = MockIssueRepository::new();
        let counts = Arc::new(AtomicU64::new(0));
        let calls = counts.clone();
        repo.expect_count_issues().returning(move |_| {
            // 150 at the start, 151 from the first recount on.
            Ok(if calls.fetch_add(1, Ordering::SeqCst) == 0 {
                150
            } else {
                151
            })
        });
        serve_pages(&mut repo, 151);
        let result = scan_everything(&repo).await.unwrap();
        assert!(result.settled);
        assert_eq!(result.issues.len(), 151);
        assert_eq!(counts.load(Ordering::SeqCst), 3);
    }

    #[tokio::test]
    async fn parent_keys_are_looked_up_beside_the_last_pages_in_one_request() {
        let mut repo = MockIssueRepository::new();
        repo.expect_count_issues().times(2).returning(|_| Ok(950));
        // Issue n > 1 is a child of issue n - 1 in the space's first half, and
        // of issue 5,000 (not matched) in the second.
        let parent_of = |n: i64| if n <= 475 { n - 1 } else { 5_000 };
        let lookups = Arc::new(AtomicU64::new(0));
        let counted = lookups.clone();
        repo.expect_issues().returning(move |q| {
            if !q.filter.issue_ids.is_empty() {
                counted.fetch_add(1, Ordering::SeqCst);
                return Ok(q
                    .filter
                    .issue_ids
                    .iter()
                    .map(|id| sample_issue(id.get()))
                    .collect());
            }
            let start = i64::try_from(q.offset).unwrap();
            Ok((start..(start + 100).min(950))
                .map(|i| {
                    let mut issue = sample_issue(i + 1);
                    issue.parent_issue_id = IssueId::new(parent_of(i + 1)).ok();
                    issue
                })
                .collect())
        });
        let context = ToolContext::detached();
        let result = scan_issues(
            &repo,
            &IssueFilter::default(),
            limits(),
            &context,
            ScanNeeds::ParentKeys,
        )
        .await
        .unwrap();
        assert_eq!(result.issues.len(), 950);
        assert_eq!(
            result.keys[&IssueId::new(5_000).unwrap()].to_string(),
            "T-5000"
        );
        assert_eq!(result.keys[&IssueId::new(2).unwrap()].to_string(), "T-2");
        assert_eq!(
            lookups.load(Ordering::SeqCst),
            1,
            "one lookup for every parent"
        );
    }

    #[tokio::test]
    async fn a_counted_scan_of_one_page_counts_no_more() {
        let mut repo = MockIssueRepository::new();
        repo.expect_count_issues().never();
        repo.expect_issues()
            .times(1)
            .returning(|_| Ok((1..=42).map(sample_issue).collect()));
        let context = ToolContext::detached();
        let result = scan_counted_issues(&repo, &IssueFilter::default(), 42, limits(), &context)
            .await
            .unwrap();
        assert!(result.settled);
        assert_eq!(result.issues.len(), 42);
    }

    #[tokio::test]
    async fn more_than_the_ceiling_is_an_error_naming_the_count() {
        let mut repo = MockIssueRepository::new();
        repo.expect_count_issues().returning(|_| Ok(12_345));
        // Only the first page, asked together with the count.
        repo.expect_issues()
            .with(always())
            .times(1)
            .returning(|_| Ok((1..=100).map(sample_issue).collect()));
        let error = scan_everything(&repo).await.unwrap_err();
        assert!(
            error.to_string().starts_with("12345 issues match"),
            "{error}"
        );
    }

    #[tokio::test]
    async fn a_cancelled_scan_sends_no_requests() {
        let mut repo = MockIssueRepository::new();
        repo.expect_count_issues().never();
        repo.expect_issues().never();
        let context = ToolContext::detached();
        context.cancellation.cancel();
        let error = scan_issues(
            &repo,
            &IssueFilter::default(),
            limits(),
            &context,
            ScanNeeds::Issues,
        )
        .await
        .unwrap_err();
        assert!(matches!(error, ToolError::Cancelled));
    }
}
