//! Custom field filters on `GET /issues` and `/issues/count`: text keyword, numeric and
//! date `_min` / `_max`, list items as `[]` or `[n]`, and sorting by a custom field.

use crate::*;
use fake_backlog::demo::{CF_BROWSER, CF_CUSTOMER, CF_PLATFORMS, CF_POINTS, CF_TARGET};
use fake_backlog::{FakeBacklog, Space};

/// The keys matching `filters` (created ascending), checked against the count endpoint.
async fn matching(server: &FakeBacklog, filters: &str) -> Vec<String> {
    let list = get_json(
        server,
        &format!("/api/v2/issues?{filters}&count=100&sort=created&order=asc"),
    )
    .await;
    let count = get_json(server, &format!("/api/v2/issues/count?{filters}")).await;
    let keys = keys(&list);
    assert_eq!(count["count"], keys.len(), "{filters}");
    keys
}

#[tokio::test]
async fn text_keyword() {
    let server = FakeBacklog::start(Space::demo()).await;
    assert_eq!(
        matching(&server, &format!("customField_{CF_CUSTOMER}=tanaka")).await,
        ["WEB-18"]
    );
    assert_eq!(
        matching(
            &server,
            &format!("customField_{CF_CUSTOMER}={}", enc("山田"))
        )
        .await,
        ["WEB-6"]
    );
    // Either keyword of one field; fields AND'ed.
    assert_eq!(
        matching(
            &server,
            &format!(
                "customField_{CF_CUSTOMER}=shoji&customField_{CF_CUSTOMER}={}",
                enc("商事")
            )
        )
        .await,
        ["WEB-6", "WEB-18"]
    );
    assert!(
        matching(
            &server,
            &format!("customField_{CF_CUSTOMER}=shoji&customField_{CF_POINTS}_min=1")
        )
        .await
        .is_empty()
    );
}

#[tokio::test]
async fn numeric_and_date_ranges() {
    let server = FakeBacklog::start(Space::demo()).await;
    // Points: WEB-1 8, WEB-2 3, WEB-8 5, WEB-18 0.5.
    assert_eq!(
        matching(&server, &format!("customField_{CF_POINTS}_min=3")).await,
        ["WEB-1", "WEB-2", "WEB-8"]
    );
    assert_eq!(
        matching(&server, &format!("customField_{CF_POINTS}_max=3")).await,
        ["WEB-2", "WEB-18"]
    );
    assert_eq!(
        matching(
            &server,
            &format!("customField_{CF_POINTS}_min=3&customField_{CF_POINTS}_max=5")
        )
        .await,
        ["WEB-2", "WEB-8"]
    );
    assert_eq!(
        matching(
            &server,
            &format!("customField_{CF_POINTS}_min=0.25&customField_{CF_POINTS}_max=0.5")
        )
        .await,
        ["WEB-18"]
    );
    // Target date: WEB-2 2024-06-07 (WEB-18 has an empty one).
    assert_eq!(
        matching(
            &server,
            &format!(
                "customField_{CF_TARGET}_min=2024-06-01&customField_{CF_TARGET}_max=2024-06-07"
            )
        )
        .await,
        ["WEB-2"]
    );
    assert!(
        matching(&server, &format!("customField_{CF_TARGET}_min=2024-06-08"))
            .await
            .is_empty()
    );
    // Exact values through the bare name.
    assert_eq!(
        matching(&server, &format!("customField_{CF_POINTS}=5")).await,
        ["WEB-8"]
    );
}

#[tokio::test]
async fn list_items_bracketed_or_indexed() {
    let server = FakeBacklog::start(Space::demo()).await;
    // Platforms: WEB-2 macOS(1)+iOS(4), WEB-3 iOS(4), WEB-8 none.
    assert_eq!(
        matching(&server, &format!("customField_{CF_PLATFORMS}[]=4")).await,
        ["WEB-2", "WEB-3"]
    );
    assert_eq!(
        matching(&server, &format!("customField_{CF_PLATFORMS}[0]=1")).await,
        ["WEB-2"]
    );
    assert_eq!(
        matching(
            &server,
            &format!("customField_{CF_PLATFORMS}%5B%5D=1&customField_{CF_PLATFORMS}%5B%5D=4")
        )
        .await,
        ["WEB-2", "WEB-3"]
    );
    assert!(
        matching(&server, &format!("customField_{CF_PLATFORMS}[]=2"))
            .await
            .is_empty()
    );
    // Browser (single list): WEB-2 and WEB-3 use Safari (2).
    assert_eq!(
        matching(&server, &format!("customField_{CF_BROWSER}[]=2")).await,
        ["WEB-2", "WEB-3"]
    );
    // Combined with built-in filters.
    assert_eq!(
        matching(
            &server,
            &format!("customField_{CF_BROWSER}[]=2&statusId[]=1")
        )
        .await,
        ["WEB-3"]
    );
}

#[tokio::test]
async fn filters_follow_writes() {
    let server = FakeBacklog::start(Space::demo()).await;
    form_json(
        &server,
        "PATCH",
        "/api/v2/issues/WEB-4",
        &format!("customField_{CF_POINTS}=13&customField_{CF_CUSTOMER}=Tanaka+Ltd"),
        200,
    )
    .await;
    assert_eq!(
        matching(&server, &format!("customField_{CF_POINTS}_min=10")).await,
        ["WEB-4"]
    );
    assert_eq!(
        matching(&server, &format!("customField_{CF_CUSTOMER}=TANAKA")).await,
        ["WEB-4", "WEB-18"]
    );
}

#[tokio::test]
async fn sort_by_a_custom_field() {
    let server = FakeBacklog::start(Space::demo()).await;
    let list = get_json(
        &server,
        &format!(
            "/api/v2/issues?customField_{CF_POINTS}_min=0&sort=customField_{CF_POINTS}&order=desc"
        ),
    )
    .await;
    assert_eq!(keys(&list), ["WEB-1", "WEB-8", "WEB-2", "WEB-18"]);
}

#[tokio::test]
async fn malformed_filters_are_400() {
    let server = FakeBacklog::start(Space::demo()).await;
    for (query, name) in [
        (
            format!("customField_{CF_POINTS}_min=abc"),
            format!("customField_{CF_POINTS}_min"),
        ),
        (
            format!("customField_{CF_TARGET}_max=2024%2F06%2F01"),
            format!("customField_{CF_TARGET}_max"),
        ),
        (
            format!("customField_{CF_PLATFORMS}[]=macOS"),
            format!("customField_{CF_PLATFORMS}[]"),
        ),
    ] {
        for endpoint in ["/api/v2/issues", "/api/v2/issues/count"] {
            let answer = get(&server, &format!("{endpoint}?{query}")).await;
            assert_eq!(answer.status, 400, "{query}");
            let (code, message) = backlog_error(&answer);
            assert_eq!(code, 7);
            assert!(message.contains(&name), "{message}");
        }
    }
}
