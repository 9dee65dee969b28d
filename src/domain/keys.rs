//! Project keys (`WEB`) and issue keys (`WEB-42`). Both are validated before any
//! request is built, so a key can never smuggle a path (`../projects/X`) into a URL.

use super::excerpt::excerpt;
use std::fmt;
use std::str::FromStr;

const MAX_PROJECT_KEY_LEN: usize = 25;

/// Why a key was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidKey {
    #[error("the key is empty")]
    Empty,
    #[error(
        "\"{0}\" is not a project key: use upper-case letters, digits and underscores, starting with a letter (e.g. WEB or APP_2)"
    )]
    ProjectKey(String),
    #[error("\"{0}\" is not an issue key: use PROJECT-NUMBER, e.g. WEB-42")]
    IssueKey(String),
}

/// A project key such as `WEB` or `APP_2`. Lower-case input is accepted and upper-cased.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProjectKey(String);

impl ProjectKey {
    pub fn parse(input: &str) -> Result<Self, InvalidKey> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(InvalidKey::Empty);
        }
        let upper = trimmed.to_ascii_uppercase();
        if is_project_key(&upper) {
            Ok(Self(upper))
        } else {
            Err(InvalidKey::ProjectKey(excerpt(trimmed)))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn is_project_key(candidate: &str) -> bool {
    let mut chars = candidate.chars();
    let starts_with_letter = chars.next().is_some_and(|c| c.is_ascii_uppercase());
    starts_with_letter
        && candidate.len() <= MAX_PROJECT_KEY_LEN
        && chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

impl fmt::Display for ProjectKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for ProjectKey {
    type Err = InvalidKey;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// An issue key such as `WEB-42`: a project key, a dash and a positive number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IssueKey {
    project: ProjectKey,
    number: u64,
}

impl IssueKey {
    pub fn parse(input: &str) -> Result<Self, InvalidKey> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(InvalidKey::Empty);
        }
        let invalid = || InvalidKey::IssueKey(excerpt(trimmed));
        let (project, number) = trimmed.rsplit_once('-').ok_or_else(invalid)?;
        let project = ProjectKey::parse(project).map_err(|_| invalid())?;
        let all_digits = !number.is_empty() && number.chars().all(|c| c.is_ascii_digit());
        let number: u64 = if all_digits && !number.starts_with('0') {
            number.parse().map_err(|_| invalid())?
        } else {
            return Err(invalid());
        };
        Ok(Self { project, number })
    }

    pub fn new(project: ProjectKey, number: u64) -> Result<Self, InvalidKey> {
        if number == 0 {
            return Err(InvalidKey::IssueKey(format!("{project}-0")));
        }
        Ok(Self { project, number })
    }

    pub fn project(&self) -> &ProjectKey {
        &self.project
    }

    /// The per-project sequence number (Backlog's `keyId`).
    pub fn number(&self) -> u64 {
        self.number
    }
}

impl fmt::Display for IssueKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.project, self.number)
    }
}

impl FromStr for IssueKey {
    type Err = InvalidKey;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_keys_in_project_number_form_are_accepted() {
        let key = IssueKey::parse("WEB-42").unwrap();
        assert_eq!(key.project().as_str(), "WEB");
        assert_eq!(key.number(), 42);
        assert_eq!(key.to_string(), "WEB-42");
        assert_eq!(IssueKey::parse(" app_2-7 ").unwrap().to_string(), "APP_2-7");
    }

    #[test]
    fn malformed_issue_keys_are_rejected() {
        for bad in [
            "../projects/X",
            "WEB-",
            "-42",
            "WEB-0",
            "WEB-042",
            "WEB-4a",
            "WEB 42",
            "1WEB-3",
            "WEB-42/comments",
            "WEB-42?x=1",
            "ＷＥＢ-1",
        ] {
            assert!(
                matches!(IssueKey::parse(bad), Err(InvalidKey::IssueKey(_))),
                "{bad} should be rejected"
            );
        }
        assert_eq!(IssueKey::parse("   "), Err(InvalidKey::Empty));
    }

    #[test]
    fn project_keys_are_validated_and_upper_cased() {
        assert_eq!(ProjectKey::parse("web").unwrap().as_str(), "WEB");
        assert!(ProjectKey::parse("WEB-1").is_err());
        assert!(ProjectKey::parse("_WEB").is_err());
        assert!(ProjectKey::parse(&"A".repeat(26)).is_err());
        assert_eq!(ProjectKey::parse(""), Err(InvalidKey::Empty));
    }

    #[test]
    fn the_error_names_the_input_and_an_example() {
        let message = IssueKey::parse("../projects/X").unwrap_err().to_string();
        assert!(message.contains("../projects/X") && message.contains("WEB-42"));
    }
}
