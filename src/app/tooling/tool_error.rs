//! Why a tool call failed, worded for the model: the problem and the fix.

use crate::domain::backlog_error::BacklogError;
use crate::domain::excerpt::shorten_quoted;

#[derive(Debug, thiserror::Error)]
pub enum ToolError {
    /// An argument has the wrong shape or value.
    #[error("invalid argument `{parameter}`: {problem}")]
    InvalidArgument { parameter: String, problem: String },

    #[error(transparent)]
    Backlog(#[from] BacklogError),

    /// This server's configuration does not allow the call.
    #[error("{0}")]
    Refused(String),

    /// The answer would be too large to be useful; the text says how to narrow it.
    #[error("{0}")]
    TooLarge(String),

    #[error("the call was cancelled by the client")]
    Cancelled,
}

impl ToolError {
    /// Quoted values in `problem` are cut to an excerpt: a problem often quotes
    /// the offending value, which may be kilobytes long.
    pub fn argument(parameter: impl Into<String>, problem: impl std::fmt::Display) -> Self {
        Self::InvalidArgument {
            parameter: parameter.into(),
            problem: shorten_quoted(&problem.to_string()),
        }
    }
}
