use super::*;
use crate::app::test_support::demo_app_with;
use std::sync::atomic::{AtomicUsize, Ordering};
use url::Url;

const KEY_A: &str = "key-of-space-a-0123456789";
const KEY_B: &str = "key-of-space-b-9876543210";

fn credentials(base: &str, key: &str) -> Caller {
    Caller {
        credentials: Some(BacklogCredentials {
            base_url: Url::parse(base).unwrap(),
            api_key: key.into(),
        }),
    }
}

/// Spaces whose factory builds demo spaces named after the base URL, and
/// counts how many it built.
fn counted(limit: usize) -> (Spaces, Arc<AtomicUsize>) {
    let built = Arc::new(AtomicUsize::new(0));
    let count = built.clone();
    let factory: SpaceFactory = Arc::new(move |credentials: &BacklogCredentials| {
        count.fetch_add(1, Ordering::SeqCst);
        let base = credentials
            .base_url
            .as_str()
            .trim_end_matches('/')
            .to_owned();
        Ok(demo_app_with(|settings| settings.web_base_url = base))
    });
    (Spaces::new(factory, limit), built)
}

fn start_up_space() -> Arc<AppContext> {
    Arc::new(demo_app_with(|s| {
        s.web_base_url = "https://start-up.example".into()
    }))
}

#[test]
fn a_call_without_credentials_uses_the_start_up_space() {
    let (spaces, built) = counted(4);
    let default = start_up_space();
    let space = spaces.for_caller(&default, &Caller::default()).unwrap();
    assert!(Arc::ptr_eq(&space, &default));
    assert_eq!(built.load(Ordering::SeqCst), 0);
}

#[test]
fn each_space_and_key_gets_its_own_context_kept_for_the_next_call() {
    let (spaces, built) = counted(4);
    let default = start_up_space();
    let a = spaces
        .for_caller(&default, &credentials("https://a.example", KEY_A))
        .unwrap();
    let b = spaces
        .for_caller(&default, &credentials("https://b.example", KEY_B))
        .unwrap();
    assert_eq!(a.web_base_url, "https://a.example");
    assert_eq!(b.web_base_url, "https://b.example");
    let again = spaces
        .for_caller(&default, &credentials("https://a.example", KEY_A))
        .unwrap();
    assert!(Arc::ptr_eq(&a, &again), "kept, with its metadata cache");
    // The same space with another key is another caller.
    let other_key = spaces
        .for_caller(&default, &credentials("https://a.example", KEY_B))
        .unwrap();
    assert!(!Arc::ptr_eq(&a, &other_key));
    assert_eq!(built.load(Ordering::SeqCst), 3);
}

#[test]
fn the_least_recently_used_space_goes_when_the_bound_is_reached() {
    let (spaces, built) = counted(2);
    let default = start_up_space();
    let a = credentials("https://a.example", KEY_A);
    let b = credentials("https://b.example", KEY_B);
    let c = credentials("https://c.example", KEY_A);
    for caller in [&a, &b, &a, &c] {
        spaces.for_caller(&default, caller).unwrap();
    }
    assert_eq!(built.load(Ordering::SeqCst), 3);
    spaces.for_caller(&default, &a).unwrap();
    assert_eq!(built.load(Ordering::SeqCst), 3, "a was used recently");
    spaces.for_caller(&default, &b).unwrap();
    assert_eq!(built.load(Ordering::SeqCst), 4, "b went first");
}

#[test]
fn credentials_are_refused_by_a_server_of_one_space_without_echoing_the_key() {
    let default = start_up_space();
    let refused = Spaces::none()
        .for_caller(&default, &credentials("https://a.example", KEY_A))
        .err()
        .unwrap()
        .to_string();
    assert!(
        refused.contains("only the Backlog space it was started for"),
        "{refused}"
    );
    assert!(!refused.contains(KEY_A));
}

#[test]
fn the_key_appears_in_no_error_and_no_debug_output() {
    let failing: SpaceFactory = Arc::new(|_: &BacklogCredentials| Err("no such space".into()));
    let caller = credentials("https://a.example", KEY_A);
    let refused = Spaces::new(failing, 4)
        .for_caller(&start_up_space(), &caller)
        .err()
        .unwrap()
        .to_string();
    assert_eq!(
        refused,
        "cannot use the Backlog space at https://a.example: no such space"
    );
    let with_user_info = credentials("https://me:secret@a.example/?apiKey=x", KEY_A);
    let refused = Spaces::new(
        Arc::new(|_: &BacklogCredentials| Err("no such space".into())),
        4,
    )
    .for_caller(&start_up_space(), &with_user_info)
    .err()
    .unwrap()
    .to_string();
    assert!(
        !refused.contains("secret") && !refused.contains("apiKey"),
        "{refused}"
    );
    let debug = format!("{with_user_info:?}");
    assert!(
        !debug.contains("secret") && !debug.contains("apiKey"),
        "{debug}"
    );
    let debug = format!("{caller:?}");
    assert!(
        debug.contains("a.example") && !debug.contains(KEY_A),
        "{debug}"
    );
}
