//! Toolsets group tools by domain, like the official server's.

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Toolset {
    Space,
    Project,
    Issue,
}

impl Toolset {
    pub const ALL: [Toolset; 3] = [Self::Space, Self::Project, Self::Issue];

    pub fn name(self) -> &'static str {
        match self {
            Self::Space => "space",
            Self::Project => "project",
            Self::Issue => "issue",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }
}
