//! Reading issues: one by key or id, lists with filters, sorting and paging.

use crate::backends::Backlog;
use crate::support::{issue_ref, me, not_found, project};
use backlog_mcp::domain::issue::Issue;
use backlog_mcp::domain::issue_filter::{IssueFilter, IssueQuery, IssueSort, PageSize, SortOrder};
use backlog_mcp::ports::IssueRef;

async fn first_web_issue(b: &dyn Backlog) -> Issue {
    let web = project(b, "WEB").await;
    let filter = IssueFilter {
        project_ids: vec![web.id],
        ..IssueFilter::default()
    };
    b.issues(&IssueQuery::first_page(filter)).await.unwrap()[0].clone()
}

pub async fn an_issue_is_the_same_by_key_and_by_id(b: &dyn Backlog) {
    let issue = first_web_issue(b).await;
    let by_key = b.issue(&IssueRef::Key(issue.key.clone())).await.unwrap();
    let by_id = b.issue(&IssueRef::Id(issue.id)).await.unwrap();
    assert_eq!(by_key, issue);
    assert_eq!(by_id, issue);
}

pub async fn a_missing_issue_is_not_found_naming_the_key(b: &dyn Backlog) {
    let (what, _) = not_found(b.issue(&issue_ref("WEB-99999")).await);
    assert!(what.contains("WEB-99999"), "{what}");
}

/// Backlog's default order: most recently updated first.
pub async fn listing_by_status_and_assignee_pages_in_backlogs_order(b: &dyn Backlog) {
    let web = project(b, "WEB").await;
    let me = me(b).await;
    let statuses = b
        .statuses(&crate::support::project_ref("WEB"))
        .await
        .unwrap();
    let open: Vec<_> = statuses
        .iter()
        .filter(|s| !s.is_closed())
        .map(|s| s.id)
        .collect();
    let filter = IssueFilter {
        project_ids: vec![web.id],
        status_ids: open.clone(),
        assignee_ids: vec![me],
        ..IssueFilter::default()
    };
    let all = b
        .issues(&IssueQuery::first_page(filter.clone()))
        .await
        .unwrap();
    assert!(
        all.len() >= 3,
        "the seed gives me open WEB issues: {}",
        all.len()
    );
    assert!(all.iter().all(|i| i.project_id == web.id
        && open.contains(&i.status.id)
        && i.assignee.as_ref().map(|a| a.id) == Some(me)));
    assert!(
        all.windows(2).all(|w| w[0].updated >= w[1].updated),
        "updated, newest first"
    );
    assert_eq!(b.count_issues(&filter).await.unwrap(), all.len() as u64);
    let mut paged = Vec::new();
    for offset in (0..all.len() as u64 + 2).step_by(2) {
        let page = IssueQuery {
            offset,
            count: PageSize::new(2).unwrap(),
            ..IssueQuery::first_page(filter.clone())
        };
        paged.extend(b.issues(&page).await.unwrap());
    }
    assert_eq!(paged, all, "pages are windows of one order");
}

pub async fn a_page_past_the_end_is_empty(b: &dyn Backlog) {
    let total = b.count_issues(&IssueFilter::default()).await.unwrap();
    let past = IssueQuery {
        offset: total + 10,
        ..IssueQuery::first_page(IssueFilter::default())
    };
    assert!(b.issues(&past).await.unwrap().is_empty());
}

pub async fn sorting_by_summary_ascending(b: &dyn Backlog) {
    let web = project(b, "WEB").await;
    let query = IssueQuery {
        sort: Some(IssueSort::Summary),
        order: SortOrder::Asc,
        ..IssueQuery::first_page(IssueFilter {
            project_ids: vec![web.id],
            ..IssueFilter::default()
        })
    };
    let issues = b.issues(&query).await.unwrap();
    assert!(issues.windows(2).all(|w| w[0].summary <= w[1].summary));
}

pub async fn a_keyword_matches_summary_or_description(b: &dyn Backlog) {
    let issue = first_web_issue(b).await;
    let word: String = issue.summary.chars().take(8).collect();
    let filter = IssueFilter {
        keyword: Some(word.clone()),
        ..IssueFilter::default()
    };
    let found = b
        .issues(&IssueQuery::first_page(filter.clone()))
        .await
        .unwrap();
    assert!(found.iter().any(|i| i.id == issue.id));
    assert_eq!(b.count_issues(&filter).await.unwrap(), found.len() as u64);
}

/// Issues without the value come first ascending and last descending.
pub async fn sorting_puts_missing_values_first_ascending(b: &dyn Backlog) {
    let web = project(b, "WEB").await;
    let filter = IssueFilter {
        project_ids: vec![web.id],
        ..IssueFilter::default()
    };
    for sort in [IssueSort::DueDate, IssueSort::Assignee] {
        for order in [SortOrder::Asc, SortOrder::Desc] {
            let query = IssueQuery {
                sort: Some(sort),
                order,
                ..IssueQuery::first_page(filter.clone())
            };
            let has: Vec<bool> = b
                .issues(&query)
                .await
                .unwrap()
                .iter()
                .map(|i| match sort {
                    IssueSort::DueDate => i.due_date.is_some(),
                    _ => i.assignee.is_some(),
                })
                .collect();
            assert!(
                has.contains(&true) && has.contains(&false),
                "{sort:?}: {has:?}"
            );
            let missing_first = order == SortOrder::Asc;
            let boundary = has.iter().position(|h| *h == missing_first).unwrap();
            assert!(
                has[boundary..].iter().all(|h| *h == missing_first),
                "{sort:?} {order:?}"
            );
        }
    }
}

crate::contract! {
    an_issue_is_the_same_by_key_and_by_id [issue]
    a_missing_issue_is_not_found_naming_the_key [issue]
    listing_by_status_and_assignee_pages_in_backlogs_order [issues, count_issues]
    a_page_past_the_end_is_empty [issues]
    sorting_by_summary_ascending [issues]
    a_keyword_matches_summary_or_description [issues, count_issues]
    sorting_puts_missing_values_first_ascending [issues]
}
