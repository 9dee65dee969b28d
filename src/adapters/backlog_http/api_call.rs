//! One request to a Backlog REST endpoint, and a successful answer to it.

use super::params::Params;
use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};

/// A request to one Backlog REST endpoint.
#[derive(Debug, Clone)]
pub struct ApiCall {
    pub method: Method,
    /// Path segments below `/api/v2`, each percent-encoded on its own.
    pub path: Vec<String>,
    pub query: Params,
    pub form: Option<Params>,
    /// What is asked for, to name it when Backlog says it does not exist.
    pub what: String,
}

impl ApiCall {
    fn new(method: Method, path: &[&str], form: Option<Params>, what: impl Into<String>) -> Self {
        Self {
            method,
            path: path.iter().map(|s| (*s).to_owned()).collect(),
            query: Params::new(),
            form,
            what: what.into(),
        }
    }

    pub fn get(path: &[&str], what: impl Into<String>) -> Self {
        Self::new(Method::GET, path, None, what)
    }

    /// A `POST` with a form body (possibly empty).
    pub fn post(path: &[&str], form: Params, what: impl Into<String>) -> Self {
        Self::new(Method::POST, path, Some(form), what)
    }

    /// A `PATCH` with a form body: only the parameters it holds are changed.
    pub fn patch(path: &[&str], form: Params, what: impl Into<String>) -> Self {
        Self::new(Method::PATCH, path, Some(form), what)
    }

    /// A `DELETE` without a body.
    pub fn delete(path: &[&str], what: impl Into<String>) -> Self {
        Self::new(Method::DELETE, path, None, what)
    }

    pub fn with_query(mut self, query: Params) -> Self {
        self.query = query;
        self
    }

    pub(super) fn is_write(&self) -> bool {
        self.method != Method::GET
    }

    /// `GET /issues/WEB-1`, for logs (no query string: it may hold user data).
    pub(super) fn describe(&self) -> String {
        format!("{} /{}", self.method, self.path.join("/"))
    }
}

/// A successful (2xx) answer.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}
