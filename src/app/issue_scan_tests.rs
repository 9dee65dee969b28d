//! Tests of `issue_scan`.

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
