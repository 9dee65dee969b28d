use crate::*;
use fake_backlog::demo::{APP, FRONTEND, SATO, SPRINT_12, SUZUKI, WEB};
use fake_backlog::{FakeBacklog, Space};
use std::collections::HashSet;

async fn count(server: &FakeBacklog, filters: &str) -> u64 {
    get_json(server, &format!("/api/v2/issues/count?{filters}")).await["count"]
        .as_u64()
        .unwrap()
}

/// Every issue matching `filters`, paging with `page_size`.
async fn all_pages(server: &FakeBacklog, filters: &str, page_size: usize) -> Vec<Value> {
    let mut all = Vec::new();
    loop {
        let page = get_json(
            server,
            &format!(
                "/api/v2/issues?{filters}&count={page_size}&offset={}",
                all.len()
            ),
        )
        .await;
        let page = page.as_array().unwrap().clone();
        let n = page.len();
        all.extend(page);
        if n < page_size {
            return all;
        }
    }
}

#[tokio::test]
async fn defaults_20_sorted_by_updated_desc() {
    let server = FakeBacklog::start(Space::demo()).await;
    let issues = get_json(&server, "/api/v2/issues").await;
    let issues = issues.as_array().unwrap();
    assert_eq!(issues.len(), 20);
    let updated: Vec<&str> = issues
        .iter()
        .map(|i| i["updated"].as_str().unwrap())
        .collect();
    let mut sorted = updated.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(updated, sorted);
}

#[tokio::test]
async fn paging_covers_every_issue_once_and_matches_count() {
    let server = FakeBacklog::start(Space::demo()).await;
    for filters in [
        "",
        "sort=created&order=asc",
        "sort=dueDate",
        "sort=priority&order=asc",
        "sort=status",
        "sort=summary",
        "sort=issueType",
        "statusId[]=1&statusId[]=2",
    ] {
        let all = all_pages(&server, filters, 7).await;
        let ids: HashSet<i64> = all.iter().map(|i| i["id"].as_i64().unwrap()).collect();
        assert_eq!(ids.len(), all.len(), "duplicates with {filters}");
        assert_eq!(all.len() as u64, count(&server, filters).await, "{filters}");
    }
    assert_eq!(count(&server, "").await, 30);
}

#[tokio::test]
async fn values_of_one_parameter_or_different_parameters_and() {
    let server = FakeBacklog::start(Space::demo()).await;
    let filters = format!("statusId[]=1&statusId[]=2&projectId[]={APP}");
    let issues = get_json(&server, &format!("/api/v2/issues?{filters}&count=100")).await;
    let issues = issues.as_array().unwrap();
    assert!(!issues.is_empty());
    for i in issues {
        assert_eq!(i["projectId"], APP);
        assert!([1, 2].contains(&i["status"]["id"].as_i64().unwrap()));
    }
    assert_eq!(issues.len() as u64, count(&server, &filters).await);
    // Both projects together are more than either.
    let web = count(&server, &format!("projectId[]={WEB}")).await;
    let app = count(&server, &format!("projectId[]={APP}")).await;
    let both = count(&server, &format!("projectId[]={WEB}&projectId[]={APP}")).await;
    assert_eq!((web, app, both), (18, 10, 28));
}

#[tokio::test]
async fn encoded_and_raw_brackets_are_the_same_and_bare_names_are_ignored() {
    let server = FakeBacklog::start(Space::demo()).await;
    let raw = count(&server, &format!("assigneeId[]={SATO}")).await;
    let encoded = count(&server, &format!("assigneeId%5B%5D={SATO}")).await;
    let bare = count(&server, &format!("assigneeId={SATO}")).await;
    assert_eq!(raw, encoded);
    assert!(raw > 0 && raw < 30);
    assert_eq!(bare, 30, "Backlog ignores the bracket-less form");
}

#[tokio::test]
async fn more_filters() {
    let server = FakeBacklog::start(Space::demo()).await;
    assert_eq!(count(&server, &format!("categoryId[]={FRONTEND}")).await, 5);
    assert_eq!(
        count(&server, &format!("milestoneId[]={SPRINT_12}")).await,
        4
    );
    assert_eq!(count(&server, "parentChild=2").await, 7);
    assert_eq!(count(&server, "parentChild=4").await, 3);
    assert_eq!(count(&server, "parentChild=1").await, 23);
    assert_eq!(count(&server, "priorityId[]=2").await, 8);
    assert_eq!(count(&server, "resolutionId[]=0").await, 8);
    let web1 = get_json(&server, "/api/v2/issues/WEB-1").await;
    let children = count(&server, &format!("parentIssueId[]={}", web1["id"])).await;
    assert_eq!(children, 3);
    assert_eq!(count(&server, &format!("id[]={}", web1["id"])).await, 1);
    assert_eq!(
        count(
            &server,
            &format!("assigneeId[]={SATO}&assigneeId[]={SUZUKI}")
        )
        .await,
        count(&server, &format!("assigneeId[]={SATO}")).await
            + count(&server, &format!("assigneeId[]={SUZUKI}")).await
    );
}

#[tokio::test]
async fn bad_parameters_are_400_code_7() {
    let server = FakeBacklog::start(Space::demo()).await;
    for (query, names) in [
        ("count=0", "count"),
        ("count=101", "count"),
        ("count=abc", "count"),
        ("offset=-1", "offset"),
        ("createdSince=2024/06/01", "createdSince"),
        ("dueDateUntil=yesterday", "dueDateUntil"),
        ("order=up", "order"),
        ("sort=nonsense", "sort"),
        ("statusId[]=open", "statusId"),
        ("parentChild=9", "parentChild"),
    ] {
        let answer = get(&server, &format!("/api/v2/issues?{query}")).await;
        assert_eq!(answer.status, 400, "{query}");
        let (code, message) = backlog_error(&answer);
        assert_eq!(code, 7);
        assert!(message.contains(names), "{query}: {message}");
    }
    // The count endpoint validates its filters too.
    let answer = get(&server, "/api/v2/issues/count?updatedSince=2024-13-01").await;
    assert_eq!(answer.status, 400);
}

#[tokio::test]
async fn one_issue_by_key_or_id_and_404() {
    let server = FakeBacklog::start(Space::demo()).await;
    let by_key = get_json(&server, "/api/v2/issues/WEB-2").await;
    let by_id = get_json(&server, &format!("/api/v2/issues/{}", by_key["id"])).await;
    assert_eq!(by_key, by_id);
    for missing in ["WEB-999", "NOPE-1", "123", "garbage"] {
        let answer = get(&server, &format!("/api/v2/issues/{missing}")).await;
        assert_eq!(answer.status, 404);
        assert_eq!(
            answer.text,
            r#"{"errors":[{"message":"No issue.","code":6,"moreInfo":""}]}"#
        );
    }
}

#[tokio::test]
async fn generated_space_pages_through_5000_issues() {
    let server = FakeBacklog::start(Space::generated(1, 5000)).await;
    assert_eq!(count(&server, "").await, 5000);
    let all = all_pages(&server, "sort=created&order=asc", 100).await;
    assert_eq!(all.len(), 5000);
    assert_eq!(all[0]["issueKey"], "GEN1-1");
    assert_eq!(all[4999]["issueKey"], "GEN1-5000");
    // Deterministic: two builds are equal.
    assert_eq!(
        format!("{:?}", Space::generated(2, 50).issues),
        format!("{:?}", Space::generated(2, 50).issues)
    );
}

#[tokio::test]
async fn runtime_additions_show_up() {
    let server = FakeBacklog::start(Space::demo()).await;
    let added = server
        .space()
        .add_issue(fake_backlog::NewIssue::new("APP", "Added at run time").assignee(SATO));
    assert_eq!(added.key_id, 11);
    let issue = get_json(&server, "/api/v2/issues/APP-11").await;
    assert_eq!(issue["summary"], "Added at run time");
    assert_eq!(issue["status"]["name"], "Open");
    assert_eq!(issue["created"], issue["updated"]);
    assert_eq!(count(&server, "").await, 31);
    // The newest update comes first by default.
    let first = get_json(&server, "/api/v2/issues?count=1").await;
    assert_eq!(keys(&first), ["APP-11"]);
}
