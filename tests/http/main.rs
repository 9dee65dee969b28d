//! The Backlog HTTP adapter over real HTTP against wiremock on 127.0.0.1: what
//! goes on the wire, and how Backlog's answers are read.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

mod activity_kinds;
mod downloads;
mod errors;
mod issue_facts;
mod issue_writes;
mod projects;
mod reads;
mod redirects;
mod space_and_users;
mod space_days;
mod unsendable;
mod watchings;
