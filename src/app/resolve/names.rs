//! Matching a name a person typed against the valid ones: case-insensitive,
//! whitespace-insensitive; an unknown name lists the closest valid names, an
//! ambiguous one lists its matches.

use crate::app::tooling::ToolError;
use crate::domain::excerpt::excerpt;

/// Something that can be named: its names (display name, login, key…) and how
/// to show it in a message.
pub struct Candidate<T> {
    pub value: T,
    pub names: Vec<String>,
    pub label: String,
}

impl<T> Candidate<T> {
    pub fn new(
        value: T,
        label: impl Into<String>,
        names: impl IntoIterator<Item = String>,
    ) -> Self {
        Self {
            value,
            label: label.into(),
            names: names.into_iter().collect(),
        }
    }
}

/// Lower case, runs of whitespace (ASCII and full-width) as one space.
pub fn normalize(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '\u{3000}')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Candidates whose name is `wanted`; failing that, whose name has `wanted`
/// as whole words ("Tanaka" for "Aiko Tanaka", "山田" for "山田 健").
fn matches<T>(wanted: &str, candidates: &[Candidate<T>]) -> Vec<usize> {
    let wanted = normalize(wanted);
    let find = |accept: &dyn Fn(&str) -> bool| -> Vec<usize> {
        candidates
            .iter()
            .enumerate()
            .filter(|(_, c)| c.names.iter().any(|n| accept(&normalize(n))))
            .map(|(i, _)| i)
            .collect()
    };
    let exact = find(&|name| name == wanted);
    if !exact.is_empty() || wanted.is_empty() {
        return exact;
    }
    find(&|name| {
        let words: Vec<&str> = name.split(' ').collect();
        let wanted_words: Vec<&str> = wanted.split(' ').collect();
        words
            .windows(wanted_words.len())
            .any(|window| window == wanted_words.as_slice())
    })
}

/// The one candidate named `wanted`. `what` is e.g. "status", `scope` e.g. "in project WEB".
pub fn pick_one<T: Clone>(
    parameter: &str,
    what: &str,
    scope: &str,
    wanted: &str,
    candidates: &[Candidate<T>],
) -> Result<T, ToolError> {
    let found = matches(wanted, candidates);
    match found.as_slice() {
        [only] => candidates
            .get(*only)
            .map(|c| c.value.clone())
            .ok_or_else(|| unknown(parameter, what, scope, wanted, candidates)),
        [] => Err(unknown(parameter, what, scope, wanted, candidates)),
        several => Err(ToolError::argument(
            parameter,
            format!(
                "\"{}\" matches {} {} {scope}: {}; give the id instead",
                excerpt(wanted),
                several.len(),
                plural(what),
                several
                    .iter()
                    .filter_map(|i| candidates.get(*i).map(|c| c.label.as_str()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }
}

/// Every candidate named `wanted` (for filters, where all of them count).
pub fn pick_all<T: Clone>(
    parameter: &str,
    what: &str,
    scope: &str,
    wanted: &str,
    candidates: &[Candidate<T>],
) -> Result<Vec<T>, ToolError> {
    let found = matches(wanted, candidates);
    if found.is_empty() {
        return Err(unknown(parameter, what, scope, wanted, candidates));
    }
    Ok(found
        .iter()
        .filter_map(|i| candidates.get(*i).map(|c| c.value.clone()))
        .collect())
}

const MAX_LISTED: usize = 20;

/// "status" → "statuses", "category" → "categories", "user" → "users".
fn plural(what: &str) -> String {
    if let Some(stem) = what.strip_suffix('y') {
        format!("{stem}ies")
    } else if what.ends_with('s') {
        format!("{what}es")
    } else {
        format!("{what}s")
    }
}

fn unknown<T>(
    parameter: &str,
    what: &str,
    scope: &str,
    wanted: &str,
    candidates: &[Candidate<T>],
) -> ToolError {
    let normalized = normalize(wanted);
    let mut scored: Vec<(f64, &str)> = candidates
        .iter()
        .map(|c| {
            let best = c
                .names
                .iter()
                .map(|n| strsim::jaro_winkler(&normalize(n), &normalized))
                .fold(0.0_f64, f64::max);
            (best, c.label.as_str())
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let closest: Vec<String> = scored
        .iter()
        .filter(|(score, _)| *score >= 0.6)
        .take(3)
        .map(|(_, label)| excerpt(label))
        .collect();
    let mut valid: Vec<String> = candidates.iter().map(|c| excerpt(&c.label)).collect();
    let more = valid.len().saturating_sub(MAX_LISTED);
    valid.truncate(MAX_LISTED);
    let mut message = format!("no {what} named \"{}\" {scope}", excerpt(wanted));
    if candidates.is_empty() {
        message.push_str(&format!("; there are no {} there", plural(what)));
        return ToolError::argument(parameter, message);
    }
    if !closest.is_empty() {
        message.push_str(&format!("; closest: {}", closest.join(", ")));
    }
    message.push_str(&format!("; valid {}: {}", plural(what), valid.join(", ")));
    if more > 0 {
        message.push_str(&format!(" and {more} more"));
    }
    ToolError::argument(parameter, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statuses() -> Vec<Candidate<i64>> {
        [
            (1, "Open"),
            (2, "In Progress"),
            (3, "Resolved"),
            (4, "Closed"),
            (5, "処理中"),
        ]
        .into_iter()
        .map(|(id, name)| Candidate::new(id, name, [name.to_owned()]))
        .collect()
    }

    fn one(wanted: &str) -> Result<i64, String> {
        pick_one("statusId", "status", "in project WEB", wanted, &statuses())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn names_match_ignoring_case_and_spacing() {
        assert_eq!(one("in  progress"), Ok(2));
        assert_eq!(one(" CLOSED "), Ok(4));
        assert_eq!(one("処理中"), Ok(5));
    }

    #[test]
    fn an_unknown_name_lists_the_closest_and_the_valid_ones() {
        let error = one("In Progres").unwrap_err();
        assert_eq!(
            error,
            "invalid argument `statusId`: no status named \"In Progres\" in project WEB; closest: In Progress; valid statuses: Open, In Progress, Resolved, Closed, 処理中"
        );
    }

    #[test]
    fn an_ambiguous_name_lists_its_matches() {
        let users = vec![
            Candidate::new(
                1,
                "Taro Sato (t.sato, id 1)",
                ["Taro Sato".to_owned(), "t.sato".to_owned()],
            ),
            Candidate::new(
                2,
                "Taro Sato (taro, id 2)",
                ["Taro Sato".to_owned(), "taro".to_owned()],
            ),
        ];
        let error = pick_one("assigneeId", "user", "in the space", "taro sato", &users)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains(
                "matches 2 users in the space: Taro Sato (t.sato, id 1), Taro Sato (taro, id 2)"
            ),
            "{error}"
        );
        assert_eq!(
            pick_one("assigneeId", "user", "", "T.SATO", &users).ok(),
            Some(1)
        );
    }

    #[test]
    fn whole_words_match_when_no_full_name_does() {
        let users = vec![
            Candidate::new(1, "Aiko Tanaka", ["Aiko Tanaka".to_owned()]),
            Candidate::new(2, "Taro Sato", ["Taro Sato".to_owned()]),
            Candidate::new(3, "Jiro Sato", ["Jiro Sato".to_owned()]),
        ];
        assert_eq!(
            pick_one("assigneeId", "user", "", "tanaka", &users).ok(),
            Some(1)
        );
        let error = pick_one("assigneeId", "user", "", "Sato", &users)
            .unwrap_err()
            .to_string();
        assert!(error.contains("matches 2 users"), "{error}");
        assert!(
            pick_one("assigneeId", "user", "", "Tana", &users).is_err(),
            "no partial words"
        );
    }

    #[test]
    fn filters_take_every_match() {
        let across = vec![
            Candidate::new(10, "In Review (WEB)", ["In Review".to_owned()]),
            Candidate::new(20, "In Review (APP)", ["In Review".to_owned()]),
        ];
        assert_eq!(
            pick_all("statusId", "status", "", "in review", &across).ok(),
            Some(vec![10, 20])
        );
    }
}
