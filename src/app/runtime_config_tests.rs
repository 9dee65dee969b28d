//! Tests of `runtime_config`.

use super::*;
use crate::app::test_support::settings_from_env as settings;
use secrecy::ExposeSecret;

fn resolve(env: &[(&str, &str)]) -> Result<RuntimeConfig, Vec<String>> {
    RuntimeConfig::from_settings(settings(env), &Cli::default())
}

#[test]
fn no_credentials_means_the_demo() {
    let config = resolve(&[]).unwrap();
    assert!(matches!(
        config.backend,
        BackendChoice::Demo { explicit: false }
    ));
}

#[test]
fn domain_and_key_select_the_space_over_https() {
    let config = resolve(&[
        ("BACKLOG_DOMAIN", "acme.backlog.com"),
        ("BACKLOG_API_KEY", "k"),
    ])
    .unwrap();
    let BackendChoice::Space { base_url, api_key } = config.backend else {
        panic!("expected the space backend");
    };
    assert_eq!(base_url.as_str(), "https://acme.backlog.com/");
    assert_eq!(api_key.expose_secret(), "k");
}

#[test]
fn the_base_url_wins_over_the_domain_and_may_be_plain_http() {
    let config = resolve(&[
        ("BACKLOG_DOMAIN", "acme.backlog.com"),
        ("BACKLOG_BASE_URL", "http://127.0.0.1:8080/backlog/api/v2/"),
        ("BACKLOG_API_KEY", "k"),
    ])
    .unwrap();
    let BackendChoice::Space { base_url, .. } = config.backend else {
        panic!("expected the space backend");
    };
    assert_eq!(base_url.as_str(), "http://127.0.0.1:8080/backlog");
}

#[test]
fn credentials_a_query_or_a_fragment_in_the_address_are_refused_without_echoing_them() {
    for (variable, value) in [
        (
            "BACKLOG_BASE_URL",
            "https://t.sato:hunter2-pw@acme.backlog.com",
        ),
        ("BACKLOG_BASE_URL", "https://hunter2-pw@acme.backlog.com/"),
        ("BACKLOG_DOMAIN", "t.sato:hunter2-pw@acme.backlog.com"),
        (
            "BACKLOG_BASE_URL",
            "https://acme.backlog.com/?apiKey=hunter2-pw",
        ),
        ("BACKLOG_BASE_URL", "https://acme.backlog.com/#hunter2-pw"),
    ] {
        let problems = resolve(&[(variable, value), ("BACKLOG_API_KEY", "k")]).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        let problem = &problems[0];
        assert!(
            problem.starts_with(&format!("{variable} must not contain")),
            "{problem}"
        );
        assert!(problem.contains("https://acme.backlog.com"), "{problem}");
        assert!(
            !problem.contains("hunter2") && !problem.contains("t.sato"),
            "{problem}"
        );
    }
}

#[test]
fn an_invalid_address_is_not_echoed() {
    for value in [
        "https://t.sato:hunter2-pw@acme.backlog.com:99999",
        "ftp://t.sato:hunter2-pw@acme.backlog.com",
        "hunter2-pw",
    ] {
        let problems =
            resolve(&[("BACKLOG_BASE_URL", value), ("BACKLOG_API_KEY", "k")]).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].starts_with("BACKLOG_BASE_URL "), "{problems:?}");
        assert!(!problems[0].contains("hunter2"), "{problems:?}");
    }
}

#[test]
fn backlog_backend_without_settings_names_each_missing_variable() {
    let problems = resolve(&[("BACKLOG_BACKEND", "backlog")]).unwrap_err();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with("BACKLOG_API_KEY is not set"));
    assert!(problems[1].starts_with("BACKLOG_DOMAIN"));
}

#[test]
fn a_key_alone_asks_for_the_space() {
    let problems = resolve(&[("BACKLOG_API_KEY", "k")]).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].contains("BACKLOG_DOMAIN"));
}

#[test]
fn safety_settings_come_from_the_environment_and_flags_win() {
    let config = resolve(&[
        ("BACKLOG_READ_ONLY", "true"),
        ("BACKLOG_ALLOWED_PROJECTS", "WEB, 12"),
        ("ENABLE_TOOLSETS", "issue,project"),
        ("PREFIX", "backlog_"),
        ("BACKLOG_EXCLUDE_TOOLS", "delete_issue"),
        ("MAX_TOKENS", "5000"),
    ])
    .unwrap();
    assert!(config.selection.read_only);
    assert_eq!(config.allowed_projects.len(), 2);
    assert_eq!(config.selection.toolsets.as_ref().map(|t| t.len()), Some(2));
    assert_eq!(config.selection.prefix, "backlog_");
    assert!(config.selection.exclude.contains("delete_issue"));
    assert_eq!(config.max_tokens, 5000, "the official MAX_TOKENS is read");

    let cli = Cli {
        max_tokens: Some(8000),
        tools: Some(vec!["get_issue".into()]),
        ..Cli::default()
    };
    let config = RuntimeConfig::from_settings(
        settings(&[("BACKLOG_MAX_TOKENS", "6000"), ("MAX_TOKENS", "5000")]),
        &cli,
    )
    .unwrap();
    assert_eq!(config.max_tokens, 8000);
    assert_eq!(config.selection.only.map(|o| o.len()), Some(1));
    let config = resolve(&[("BACKLOG_MAX_TOKENS", "6000"), ("MAX_TOKENS", "5000")]).unwrap();
    assert_eq!(
        config.max_tokens, 6000,
        "BACKLOG_MAX_TOKENS wins over MAX_TOKENS"
    );
}

#[test]
fn unknown_toolsets_and_tiny_budgets_are_refused() {
    let problems =
        resolve(&[("ENABLE_TOOLSETS", "issues"), ("BACKLOG_MAX_TOKENS", "10")]).unwrap_err();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems
            .iter()
            .any(|p| p.contains("unknown toolset `issues`"))
    );
}

#[test]
fn the_budget_must_be_at_least_the_minimum_and_the_refusal_names_it() {
    let minimum = MIN_MAX_TOKENS.to_string();
    let below = (MIN_MAX_TOKENS - 1).to_string();
    assert_eq!(
        resolve(&[("BACKLOG_MAX_TOKENS", &minimum)])
            .unwrap()
            .max_tokens,
        MIN_MAX_TOKENS
    );
    for variable in ["BACKLOG_MAX_TOKENS", "MAX_TOKENS"] {
        let problems = resolve(&[(variable, &below)]).unwrap_err();
        assert_eq!(
            problems,
            [format!(
                "BACKLOG_MAX_TOKENS must be at least {minimum} (got {below}): the smallest useful answers need that much (every outcome of a bulk_update_issues on 100 issues)"
            )]
        );
    }
}

#[test]
fn bad_values_are_all_reported_together() {
    let problems = resolve(&[
        ("BACKLOG_TIMEZONE", "Mars/Base"),
        ("USER_ID", "t.sato"),
        ("BACKLOG_BACKEND", "jira"),
    ])
    .unwrap_err();
    assert_eq!(problems.len(), 3, "{problems:?}");
}
