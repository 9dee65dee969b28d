//! Why a tool call failed, worded for the model: the problem and the fix.

use super::backlog_wording::worded;
use crate::domain::backlog_error::BacklogError;
use crate::domain::excerpt::shorten_quoted;

#[derive(Debug, thiserror::Error)]
pub enum ToolError {
    /// An argument has the wrong shape or value.
    #[error("invalid argument `{parameter}`: {problem}")]
    InvalidArgument { parameter: String, problem: String },

    /// What failed, and what the user or the model can do about it.
    #[error("{}", worded(.0))]
    Backlog(BacklogError),

    /// This server's configuration does not allow the call.
    #[error("{0}")]
    Refused(String),

    /// The answer would be too large to be useful; the text says how to narrow it.
    #[error("{0}")]
    TooLarge(String),

    #[error("the call was cancelled by the client")]
    Cancelled,
}

/// Backlog's failures stay as they are, except a request that could not be sent
/// because of one parameter's size: that is the caller's argument to fix.
impl From<BacklogError> for ToolError {
    fn from(error: BacklogError) -> Self {
        match error {
            BacklogError::Unsendable {
                parameter: Some(parameter),
                reason,
            } => Self::InvalidArgument {
                parameter,
                problem: format!(
                    "too large to send to Backlog ({reason}); shorten it or pass fewer values. Nothing was sent."
                ),
            },
            other => Self::Backlog(other),
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_too_large_to_send_is_an_argument_error_naming_the_parameter() {
        let error = ToolError::from(BacklogError::Unsendable {
            parameter: Some("keyword".into()),
            reason: "its address would be 100213 bytes, more than the 8000 sent".into(),
        });
        assert_eq!(
            error.to_string(),
            "invalid argument `keyword`: too large to send to Backlog (its address would be 100213 bytes, more than the 8000 sent); shorten it or pass fewer values. Nothing was sent."
        );
    }

    #[test]
    fn other_backlog_errors_keep_their_own_text() {
        let unsendable = BacklogError::Unsendable {
            parameter: None,
            reason: "the HTTP library refused its address".into(),
        };
        let text = unsendable.to_string();
        assert!(matches!(
            ToolError::from(unsendable),
            ToolError::Backlog(BacklogError::Unsendable { .. })
        ));
        assert_eq!(
            text,
            "the request was not sent to Backlog: the HTTP library refused its address"
        );
    }
}
