//! One entry of `BACKLOG_ALLOWED_PROJECTS`: a project key or a numeric id.

use crate::domain::ids::ProjectId;
use crate::domain::keys::ProjectKey;
use std::fmt;

/// A project named in the allow-list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AllowedProject {
    Id(ProjectId),
    Key(ProjectKey),
}

impl AllowedProject {
    /// Reads a comma-separated list of keys and ids.
    pub fn parse_list(text: &str) -> Result<Vec<Self>, String> {
        text.split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| match item.parse::<i64>() {
                Ok(number) => ProjectId::new(number)
                    .map(Self::Id)
                    .map_err(|e| format!("BACKLOG_ALLOWED_PROJECTS: {e}")),
                Err(_) => ProjectKey::parse(item)
                    .map(Self::Key)
                    .map_err(|e| format!("BACKLOG_ALLOWED_PROJECTS: {e}")),
            })
            .collect()
    }
}

impl fmt::Display for AllowedProject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Id(id) => id.fmt(f),
            Self::Key(key) => key.fmt(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_allow_list_takes_keys_and_ids() {
        let parsed = AllowedProject::parse_list(" web, 12 ,APP_2,").unwrap();
        assert_eq!(
            parsed,
            vec![
                AllowedProject::Key(ProjectKey::parse("WEB").unwrap()),
                AllowedProject::Id(ProjectId::new(12).unwrap()),
                AllowedProject::Key(ProjectKey::parse("APP_2").unwrap()),
            ]
        );
        assert!(
            AllowedProject::parse_list("WEB,-3")
                .unwrap_err()
                .contains("-3")
        );
        assert!(AllowedProject::parse_list("").unwrap().is_empty());
    }
}
