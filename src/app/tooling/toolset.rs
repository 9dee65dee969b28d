//! Toolsets group tools by domain, like the official server's. Each toolset is
//! declared by its folder under `app/tools` (`impl Toolset { pub const Issue… }`
//! beside the list of its tools); the catalog is their concatenation.

use std::cmp::Ordering;
use std::hash::{Hash, Hasher};

/// A toolset's identity and what the server says about it. Two toolsets are
/// the same when their ids are.
#[derive(Debug, Clone, Copy)]
pub struct Toolset {
    /// The name `ENABLE_TOOLSETS` takes, as in the official server.
    pub id: &'static str,
    /// What its tools are about, in one line.
    pub description: &'static str,
    /// What the server's instructions tell models about its tools (may be
    /// empty); the instructions hold every toolset's, in catalog order.
    pub instructions: &'static str,
}

impl Toolset {
    pub fn name(self) -> &'static str {
        self.id
    }
}

impl PartialEq for Toolset {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl Eq for Toolset {}

impl PartialOrd for Toolset {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Toolset {
    fn cmp(&self, other: &Self) -> Ordering {
        self.id.cmp(other.id)
    }
}

impl Hash for Toolset {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.id.hash(state);
    }
}
