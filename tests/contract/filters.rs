//! Issue filters: the same semantics for a page of issues and for their count.

use crate::backends::Backlog;
use crate::support::{add_issue, me, new_issue, project, project_ref};
use backlog_mcp::domain::calendar_date::{CalendarDate, DateRange};
use backlog_mcp::domain::issue::Issue;
use backlog_mcp::domain::issue_filter::{IssueFilter, IssueQuery, ParentChild};

fn day(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

fn range(since: &str, until: &str) -> DateRange {
    DateRange::new(Some(day(since)), Some(day(until))).unwrap()
}

/// A WEB issue from 2031-03-01 to 2031-03-10 described as "Zebra Crossing", and its child.
async fn parent_and_child(b: &dyn Backlog) -> (Issue, Issue) {
    let mut parent = new_issue(b, "WEB", "Parent of one").await;
    parent.start_date = Some(day("2031-03-01"));
    parent.due_date = Some(day("2031-03-10"));
    parent.description = Some("Zebra Crossing".to_owned());
    let parent = b.add_issue(&parent).await.unwrap();
    let mut child = new_issue(b, "WEB", "Child of one").await;
    child.parent_issue_id = Some(parent.id);
    let child = b.add_issue(&child).await.unwrap();
    (parent, child)
}

pub async fn parent_and_child_filters(b: &dyn Backlog) {
    let (parent, child) = parent_and_child(b).await;
    let web = project(b, "WEB").await;
    let loner = add_issue(b, "WEB", "Neither").await;
    let cases = [
        (ParentChild::All, [true, true, true]),
        (ParentChild::ExcludeChildren, [true, false, true]),
        (ParentChild::ChildrenOnly, [false, true, false]),
        (ParentChild::NeitherParentNorChild, [false, false, true]),
        (ParentChild::ParentsOnly, [true, false, false]),
    ];
    for (parent_child, expected) in cases {
        let filter = IssueFilter {
            project_ids: vec![web.id],
            parent_child: Some(parent_child),
            ..IssueFilter::default()
        };
        let found = b.issues(&IssueQuery::first_page(filter)).await.unwrap();
        let has = |issue: &Issue| found.iter().any(|i| i.id == issue.id);
        assert_eq!(
            [has(&parent), has(&child), has(&loner)],
            expected,
            "{parent_child:?}"
        );
    }
    let children = IssueFilter {
        parent_issue_ids: vec![parent.id],
        ..IssueFilter::default()
    };
    let found = b
        .issues(&IssueQuery::first_page(children.clone()))
        .await
        .unwrap();
    assert_eq!(found.iter().map(|i| i.id).collect::<Vec<_>>(), [child.id]);
    assert_eq!(b.count_issues(&children).await.unwrap(), 1);
}

pub async fn keywords_ignore_case_and_match_whole_phrases(b: &dyn Backlog) {
    parent_and_child(b).await;
    for (keyword, count) in [
        ("zebra", 1),
        ("ZEBRA CROSSING", 1),
        ("parent OF one", 1),
        ("crossing zebra", 0),
    ] {
        let filter = IssueFilter {
            keyword: Some(keyword.to_owned()),
            ..IssueFilter::default()
        };
        assert_eq!(b.count_issues(&filter).await.unwrap(), count, "{keyword}");
    }
}

pub async fn day_ranges_include_both_ends(b: &dyn Backlog) {
    parent_and_child(b).await;
    let due = |r| IssueFilter {
        due_date: r,
        ..IssueFilter::default()
    };
    assert_eq!(
        b.count_issues(&due(range("2031-03-10", "2031-03-10")))
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        b.count_issues(&due(range("2031-03-11", "2031-12-31")))
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        b.count_issues(&due(range("2031-01-01", "2031-03-09")))
            .await
            .unwrap(),
        0
    );
    let start = IssueFilter {
        start_date: range("2031-03-01", "2031-03-01"),
        ..IssueFilter::default()
    };
    assert_eq!(b.count_issues(&start).await.unwrap(), 1);
    let all = b.count_issues(&IssueFilter::default()).await.unwrap();
    let created = IssueFilter {
        created: DateRange::new(Some(day("2000-01-01")), None).unwrap(),
        ..IssueFilter::default()
    };
    assert_eq!(b.count_issues(&created).await.unwrap(), all);
}

pub async fn values_of_one_filter_or_and_filters_and(b: &dyn Backlog) {
    let web = project(b, "WEB").await;
    let statuses = b.statuses(&project_ref("WEB")).await.unwrap();
    let with = |status_ids| IssueFilter {
        project_ids: vec![web.id],
        status_ids,
        ..IssueFilter::default()
    };
    let open = b.count_issues(&with(vec![statuses[0].id])).await.unwrap();
    let started = b.count_issues(&with(vec![statuses[1].id])).await.unwrap();
    let either = with(vec![statuses[0].id, statuses[1].id]);
    assert_eq!(b.count_issues(&either).await.unwrap(), open + started);
    let me = me(b).await;
    let mine = IssueFilter {
        created_user_ids: vec![me],
        ..either
    };
    let found = b
        .issues(&IssueQuery::first_page(mine.clone()))
        .await
        .unwrap();
    assert!(found.iter().all(|i| {
        i.created_user.as_ref().map(|u| u.id) == Some(me)
            && (i.status.id == statuses[0].id || i.status.id == statuses[1].id)
    }));
    assert_eq!(b.count_issues(&mine).await.unwrap(), found.len() as u64);
}

crate::contract! {
    parent_and_child_filters [issues, count_issues]
    keywords_ignore_case_and_match_whole_phrases [count_issues]
    day_ranges_include_both_ends [count_issues]
    values_of_one_filter_or_and_filters_and [count_issues]
}
