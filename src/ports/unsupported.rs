//! Transitional: default bodies for port methods an adapter has not implemented
//! yet. Removed once both adapters implement every method, so the compiler then
//! proves completeness.

use crate::domain::backlog_error::BacklogError;

pub(crate) fn unsupported<T>(operation: &str) -> Result<T, BacklogError> {
    Err(BacklogError::Unsupported {
        operation: operation.to_owned(),
    })
}
