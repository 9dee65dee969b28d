//! The text formatting rule a project is created or changed with.

use crate::domain::changes::TextFormattingRule;
use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FormattingArg {
    Markdown,
    Backlog,
}

impl FormattingArg {
    pub fn rule(self) -> TextFormattingRule {
        match self {
            Self::Markdown => TextFormattingRule::Markdown,
            Self::Backlog => TextFormattingRule::Backlog,
        }
    }
}
