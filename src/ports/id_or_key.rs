//! How a call names a project or an issue.

use std::fmt;

/// A thing named by its numeric id or by its key; Backlog accepts either for a
/// project or an issue.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum IdOrKey<Id, Key> {
    Id(Id),
    Key(Key),
}

impl<Id: fmt::Display, Key: fmt::Display> fmt::Display for IdOrKey<Id, Key> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Id(id) => id.fmt(f),
            Self::Key(key) => key.fmt(f),
        }
    }
}
