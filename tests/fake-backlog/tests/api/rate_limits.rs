use crate::*;
use fake_backlog::{Bucket, FakeBacklog, Model};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn now_epoch() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

#[tokio::test]
async fn headers_on_every_answer_per_bucket() {
    let server = FakeBacklog::start(Model::demo()).await;
    let first = get(&server, "/api/v2/users").await;
    let second = get(&server, "/api/v2/projects").await;
    assert_eq!(first.header_u64("x-ratelimit-limit"), 600);
    assert_eq!(first.header_u64("x-ratelimit-remaining"), 599);
    assert_eq!(second.header_u64("x-ratelimit-remaining"), 598);
    let reset = first.header_u64("x-ratelimit-reset");
    assert!(reset > now_epoch() && reset <= now_epoch() + 61, "{reset}");
    // Search has its own bucket.
    let search = get(&server, "/api/v2/issues/count").await;
    assert_eq!(search.header_u64("x-ratelimit-limit"), 150);
    assert_eq!(search.header_u64("x-ratelimit-remaining"), 149);
    // Errors carry them too.
    let missing = get(&server, "/api/v2/issues/NOPE-1").await;
    assert_eq!(missing.status, 404);
    assert_eq!(missing.header_u64("x-ratelimit-remaining"), 597);
}

#[tokio::test]
async fn over_the_limit_is_429_code_13_until_the_window_ends() {
    let server = FakeBacklog::start(Model::demo()).await;
    server
        .faults()
        .set_rate_limit(Bucket::Search, 3, Duration::from_secs(2));
    for expected_remaining in [2, 1, 0] {
        let ok = get(&server, "/api/v2/issues?count=1").await;
        assert_eq!(ok.status, 200);
        assert_eq!(ok.header_u64("x-ratelimit-remaining"), expected_remaining);
        assert_eq!(ok.header_u64("x-ratelimit-limit"), 3);
    }
    let refused = get(&server, "/api/v2/issues/count").await;
    assert_eq!(refused.status, 429);
    assert_eq!(
        refused.text,
        r#"{"errors":[{"message":"Too many requests.","code":13,"moreInfo":""}]}"#
    );
    assert_eq!(refused.header_u64("x-ratelimit-remaining"), 0);
    let reset = refused.header_u64("x-ratelimit-reset");
    assert!(reset >= now_epoch() && reset <= now_epoch() + 3);
    // Other buckets are untouched.
    assert_eq!(get(&server, "/api/v2/users").await.status, 200);

    // Wait for the reset the headers announced; then requests go through again.
    while now_epoch() < reset {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let again = get(&server, "/api/v2/issues?count=1").await;
    assert_eq!(again.status, 200);
    assert_eq!(again.header_u64("x-ratelimit-remaining"), 2);
}
