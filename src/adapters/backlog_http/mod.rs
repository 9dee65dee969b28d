//! The Backlog REST API v2 over HTTP (reqwest, rustls).

mod activity_params;
mod activity_repository;
mod api_call;
mod attachment_repository;
mod body;
mod client;
mod comment_repository;
mod content_disposition;
mod custom_field_params;
mod error_mapping;
mod issue_form;
mod issue_params;
mod issue_repository;
mod params;
mod project_form;
mod project_repository;
mod project_vocabulary;
mod rate_limit;
mod redirect;
mod request_size;
#[cfg(test)]
mod resilience_tests;
mod retry;
mod setup;
mod space_repository;
mod space_zone;
mod star_repository;
mod user_repository;
mod version_repository;
mod watching_repository;
mod wire;

pub use client::{HttpBacklog, HttpBacklogConfig};
pub use retry::RetryPolicy;
pub use setup::HttpSetupError;
