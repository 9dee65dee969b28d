//! The pure model of a Backlog space: entities, validated values, filters, and the
//! vocabulary of failures. Nothing here does I/O or knows about JSON.

pub mod activity;
pub mod attachment_file;
pub mod backlog_error;
pub mod base_url;
pub mod calendar_date;
pub mod changes;
pub mod comment;
pub mod custom_field;
pub mod excerpt;
pub mod ids;
pub mod issue;
pub mod issue_filter;
pub mod keys;
pub mod project;
pub mod space;
pub mod user;
pub mod watching;
pub mod zone;
