//! Every `async fn` of the repository traits in `src/ports` has a scenario.

use std::collections::BTreeSet;
use std::path::Path;

/// The method names of the traits in `src/ports/*_repository.rs`.
fn port_methods() -> BTreeSet<String> {
    let ports = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ports");
    let mut methods = BTreeSet::new();
    for entry in std::fs::read_dir(ports).unwrap() {
        let path = entry.unwrap().path();
        let is_repository = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with("_repository.rs"));
        if !is_repository {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        for line in source.lines() {
            if let Some(rest) = line.trim_start().strip_prefix("async fn ") {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                methods.insert(name);
            }
        }
    }
    methods
}

#[test]
fn every_port_method_has_a_scenario() {
    let methods = port_methods();
    assert!(methods.len() > 40, "parsed only {methods:?}");
    let covered: BTreeSet<String> = crate::COVERED
        .iter()
        .flat_map(|module| module.iter())
        .map(|m| (*m).to_owned())
        .collect();
    let missing: Vec<_> = methods.difference(&covered).collect();
    assert!(
        missing.is_empty(),
        "port methods without a contract scenario: {missing:?}"
    );
    let unknown: Vec<_> = covered.difference(&methods).collect();
    assert!(
        unknown.is_empty(),
        "scenarios name methods no port has: {unknown:?}"
    );
}
