//! What a user or the model can do about a Backlog failure. The domain error
//! says what failed; the application adds the next step (regenerate the key,
//! narrow the query, raise `maxBytes` …), worded for this server's settings
//! and tools.

use crate::domain::backlog_error::{BacklogError, BacklogErrorCode};

/// The most `maxBytes` may allow for an attachment read (7 MiB).
pub const MAX_ATTACHMENT_BYTES: u64 = 7_340_032;

/// The failure and what to do about it, as one message.
pub fn worded(error: &BacklogError) -> String {
    let what = error.to_string();
    match advice(error) {
        Some(advice) => format!("{what}{advice}"),
        None => what,
    }
}

/// The next step, with the punctuation that joins it to the failure.
fn advice(error: &BacklogError) -> Option<String> {
    const CHECK_STATE: &str = ", so check the current state before trying again";
    Some(match error {
        BacklogError::NotFound { .. } => {
            " Check the id or key, or list them to find valid ones.".to_owned()
        }
        BacklogError::AuthenticationFailed { .. } => {
            " Check BACKLOG_API_KEY; regenerate it under Personal Settings → API.".to_owned()
        }
        BacklogError::Rejected { code, .. } => format!(" {}", next_step((*code)?)),
        BacklogError::RateLimited { retry_at, .. } => {
            let after = retry_at.map_or_else(
                || "try again in a minute".to_owned(),
                |at| format!("try again after {} UTC", at.format("%H:%M:%S")),
            );
            format!("; {after} or narrow the query")
        }
        BacklogError::ServerError {
            write_may_have_applied: true,
            ..
        } => format!("{CHECK_STATE}."),
        BacklogError::ServerError { .. } => {
            " Backlog or a proxy in front of it is failing; try again later.".to_owned()
        }
        BacklogError::Redirected { .. } => " This usually means BACKLOG_DOMAIN / BACKLOG_BASE_URL is not your space's address (e.g. your-space.backlog.com instead of your-space.backlog.jp, or https instead of http); set it to the space's own address.".to_owned(),
        BacklogError::Unsendable {
            parameter: Some(_), ..
        } => ": shorten it or pass fewer values".to_owned(),
        BacklogError::Unsendable { parameter: None, .. } => return None,
        BacklogError::ClientSetup { .. } => {
            "; check the system's TLS certificates (the ca-certificates package, or SSL_CERT_FILE)"
                .to_owned()
        }
        BacklogError::Unreachable { .. } => {
            "; check BACKLOG_DOMAIN / BACKLOG_BASE_URL and the network".to_owned()
        }
        BacklogError::ConnectionLost {
            write_may_have_applied: true,
            ..
        }
        | BacklogError::TimedOut {
            write_may_have_applied: true,
            ..
        } => CHECK_STATE.to_owned(),
        BacklogError::ConnectionLost { .. } => "; try again later".to_owned(),
        BacklogError::TimedOut { .. } => "; try again later or narrow the query".to_owned(),
        BacklogError::TooLarge { .. } => {
            format!("; ask for a smaller file or raise maxBytes (at most {MAX_ATTACHMENT_BYTES})")
        }
        BacklogError::Refused { .. } => return None,
        BacklogError::InvalidResponse { .. } => "; please report it".to_owned(),
    })
}

/// What can be done about each of Backlog's error codes.
fn next_step(code: BacklogErrorCode) -> &'static str {
    match code {
        BacklogErrorCode::InternalError => "Backlog failed internally; try again in a moment.",
        BacklogErrorCode::LicenceError => "The space's plan does not include this feature.",
        BacklogErrorCode::LicenceExpiredError => {
            "The space's licence has expired; ask its administrator."
        }
        BacklogErrorCode::AccessDeniedError => {
            "Backlog refuses requests from this IP address; ask the space administrator to allow it."
        }
        BacklogErrorCode::UnauthorizedOperationError => {
            "The API key's user lacks the permission for this; ask a project administrator or use another account."
        }
        BacklogErrorCode::NoResourceError => {
            "Check the id or key; list the parent resource to find valid ones."
        }
        BacklogErrorCode::InvalidRequestError => {
            "Check the parameter values against the tool's description."
        }
        BacklogErrorCode::SpaceOverCapacityError => {
            "The space is out of storage; free space or upgrade the plan."
        }
        BacklogErrorCode::ResourceOverflowError => {
            "A per-resource limit would be exceeded; remove something first."
        }
        BacklogErrorCode::TooLargeFileError => "The file is larger than Backlog accepts.",
        BacklogErrorCode::AuthenticationError => {
            "Check BACKLOG_API_KEY; regenerate it under Personal Settings → API."
        }
        BacklogErrorCode::RequiredMfaError => {
            "The space requires two-step verification; enable it for this user."
        }
        BacklogErrorCode::TooManyRequestsError => {
            "Wait for the rate-limit window to reset, or narrow the query."
        }
    }
}

#[cfg(test)]
mod tests;
