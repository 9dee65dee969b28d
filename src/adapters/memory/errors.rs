//! Backlog's error answers, as the memory space gives them.

use crate::domain::backlog_error::{BacklogError, BacklogErrorCode};

/// Backlog's 404 answer for a missing resource (`"No issue."`, `"No project."` …).
pub fn not_found(what: impl Into<String>, message: &str) -> BacklogError {
    BacklogError::NotFound {
        what: what.into(),
        message: message.to_owned(),
    }
}

/// Backlog's 400 answer for a parameter value it refuses; the message names the parameter.
pub fn invalid(message: impl Into<String>) -> BacklogError {
    BacklogError::Rejected {
        status: 400,
        code: Some(BacklogErrorCode::InvalidRequestError),
        message: message.into(),
    }
}

/// Backlog's 403 answer for an operation the user may not perform.
pub fn forbidden(message: impl Into<String>) -> BacklogError {
    BacklogError::Rejected {
        status: 403,
        code: Some(BacklogErrorCode::UnauthorizedOperationError),
        message: message.into(),
    }
}
