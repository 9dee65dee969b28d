//! Backlog error answers (`{"errors":[{"message","code","moreInfo"}]}`) and the JSON
//! success answer helper.

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// The content type Backlog sends with JSON bodies.
pub const JSON_CONTENT_TYPE: &str = "application/json;charset=utf-8";

/// An error answer: HTTP status plus one Backlog error item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: u16,
    pub code: i64,
    pub message: String,
}

impl ApiError {
    pub fn new(status: u16, code: i64, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }

    /// 400, code 7 InvalidRequestError.
    pub fn invalid(message: impl Into<String>) -> ApiError {
        ApiError::new(400, 7, message)
    }

    /// 404, code 6 NoResourceError (`"No issue."`, `"No project."`, ...).
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(404, 6, message)
    }

    /// 401, code 11 AuthenticationError.
    pub fn authentication() -> ApiError {
        ApiError::new(401, 11, "Authentication failure.")
    }

    /// 429, code 13 TooManyRequestsError.
    pub fn too_many_requests() -> ApiError {
        ApiError::new(429, 13, "Too many requests.")
    }

    pub fn body(&self) -> String {
        error_body(self.code, &self.message)
    }
}

/// `{"errors":[{"message":…,"code":…,"moreInfo":""}]}`
pub fn error_body(code: i64, message: &str) -> String {
    serde_json::json!({"errors": [{"message": message, "code": code, "moreInfo": ""}]}).to_string()
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        json_bytes(
            StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            self.body().into_bytes(),
        )
    }
}

/// A 200 answer with `value` as its JSON body.
pub fn json_ok<T: Serialize>(value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(bytes) => json_bytes(StatusCode::OK, bytes),
        Err(e) => ApiError::new(500, 1, format!("rendering failed: {e}")).into_response(),
    }
}

/// A 201 answer with a `Location` header and `value` as its JSON body.
pub fn json_created<T: Serialize>(value: &T, location: &str) -> Response {
    let mut response = json_ok(value);
    if response.status() == StatusCode::OK {
        *response.status_mut() = StatusCode::CREATED;
        if let Ok(v) = HeaderValue::from_str(location) {
            response.headers_mut().insert(header::LOCATION, v);
        }
    }
    response
}

/// A 204 answer: no body, no content type.
pub fn no_content() -> Response {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::NO_CONTENT;
    response
}

fn json_bytes(status: StatusCode, bytes: Vec<u8>) -> Response {
    let mut response = Response::new(Body::from(bytes));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(JSON_CONTENT_TYPE),
    );
    response
}

pub type ApiResult = Result<Response, ApiError>;
