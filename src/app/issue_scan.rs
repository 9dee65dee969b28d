//! Fetching every issue that matches a filter: the count and the first page
//! together, then the other pages concurrently (bounded), merged in Backlog's
//! order without duplicates. When more than one page was needed the count is
//! checked again at the end; if issues were added or removed during the scan,
//! it runs again so nothing is silently missed.

use super::tooling::ToolError;
use crate::domain::ids::IssueId;
use crate::domain::issue::Issue;
use crate::domain::issue_filter::{IssueFilter, IssueQuery, IssueSort, PageSize, SortOrder};
use crate::ports::{IssueRepository, Progress, ToolContext};
use futures::{StreamExt, TryStreamExt, stream};
use std::collections::HashSet;

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

#[derive(Debug)]
pub struct ScanResult {
    pub issues: Vec<Issue>,
    /// False when issues kept changing through every pass; `issues` is the last pass.
    pub settled: bool,
}

/// Every issue matching `filter`, in creation order (oldest first): the one
/// order in which updates move nothing and new issues only append.
pub async fn scan_issues(
    repo: &dyn IssueRepository,
    filter: &IssueFilter,
    limits: ScanLimits,
    context: &ToolContext,
) -> Result<ScanResult, ToolError> {
    let cancelled = context.cancellation.clone();
    tokio::select! {
        biased;
        () = cancelled.cancelled() => Err(ToolError::Cancelled),
        result = scan(repo, filter, limits, context) => result,
    }
}

async fn scan(
    repo: &dyn IssueRepository,
    filter: &IssueFilter,
    limits: ScanLimits,
    context: &ToolContext,
) -> Result<ScanResult, ToolError> {
    // Most scans fit in one page: asked together with the count, that page
    // answers in one round trip. Nothing can move between pages of a single
    // page, so it needs no recount; a page that disagrees with the count
    // (an issue added or removed meanwhile) falls through to the full scan.
    let first_query = page_query(filter, 0);
    let (mut expected, first) =
        futures::try_join!(repo.count_issues(filter), repo.issues(&first_query))?;
    let first_len = u64::try_from(first.len()).unwrap_or(u64::MAX);
    if expected <= PageSize::MAX.get() && first_len == expected {
        report(context, 1, 1, first.len()).await;
        return Ok(ScanResult {
            issues: first,
            settled: true,
        });
    }
    let mut first = Some(first);
    let mut pages_done = 0_u64;
    let mut pages_planned = 0_u64;
    let mut issues = Vec::new();
    for _ in 0..MAX_PASSES {
        check_ceiling(expected, limits.ceiling)?;
        let pages = expected.div_ceil(PageSize::MAX.get());
        pages_planned += pages;
        issues = fetch_pass(
            repo,
            filter,
            Pass {
                pages,
                first: first.take(),
                concurrency: limits.concurrency,
                pages_planned,
            },
            context,
            &mut pages_done,
        )
        .await?;
        let recount = repo.count_issues(filter).await?;
        let fetched = u64::try_from(issues.len()).unwrap_or(u64::MAX);
        if recount == expected && fetched == expected {
            return Ok(ScanResult {
                issues,
                settled: true,
            });
        }
        tracing::info!(
            expected,
            recount,
            fetched,
            "issues changed during the scan; scanning again"
        );
        expected = recount;
    }
    Ok(ScanResult {
        issues,
        settled: false,
    })
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
}

async fn fetch_pass(
    repo: &dyn IssueRepository,
    filter: &IssueFilter,
    pass: Pass,
    context: &ToolContext,
    pages_done: &mut u64,
) -> Result<Vec<Issue>, ToolError> {
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
    let mut fetched = stream::iter(start..pass.pages)
        .map(|page| {
            let query = page_query(filter, page);
            async move { repo.issues(&query).await }
        })
        .buffered(pass.concurrency.max(1));
    while let Some(page) = fetched.try_next().await? {
        *pages_done += 1;
        merged.add(page);
        report(
            context,
            *pages_done,
            pass.pages_planned,
            merged.issues.len(),
        )
        .await;
    }
    Ok(merged.issues)
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
        scan_issues(repo, &IssueFilter::default(), limits(), &context).await
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
        let error = scan_issues(&repo, &IssueFilter::default(), limits(), &context)
            .await
            .unwrap_err();
        assert!(matches!(error, ToolError::Cancelled));
    }
}
