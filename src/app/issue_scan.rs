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
#[path = "issue_scan_tests.rs"]
mod tests;
