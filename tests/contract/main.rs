//! Contract tests: each port method's behaviour written once, as a scenario over
//! the port traits, and run against the memory adapter (demo mode) and against
//! the HTTP adapter talking to the fake Backlog's façade, which serves the same
//! memory model over Backlog's REST API (on 127.0.0.1). A scenario that passes
//! on one and fails on the other is a place where the wire format is read or
//! written wrong.
//!
//! Each scenario module ends with `contract!`, listing its scenarios with the
//! port methods they cover; a port method no scenario covers fails
//! `every_port_method_has_a_scenario`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod activities;
mod backends;
mod comments;
mod coverage;
mod custom_fields;
mod filters;
mod issue_writes;
mod issues;
mod lifecycles;
mod projects;
mod refusals;
mod related;
mod space_and_users;
mod stars;
mod support;
mod versions;
mod vocabulary;
mod watchings;

/// In a scenario module, for each `scenario [methods…]`: a test over the memory
/// adapter (`<module>::memory::<scenario>`), one over HTTP to the façade over
/// the memory model (`<module>::over_facade::<scenario>`), and the methods in
/// the module's `COVERED`.
#[macro_export]
macro_rules! contract {
    ($($scenario:ident [$($method:ident),* $(,)?])*) => {
        mod memory {
            $(
                #[tokio::test]
                async fn $scenario() {
                    super::$scenario(&$crate::backends::memory()).await;
                }
            )*
        }

        mod over_facade {
            $(
                #[tokio::test]
                async fn $scenario() {
                    let backend = $crate::backends::over_facade().await;
                    super::$scenario(&backend.client).await;
                }
            )*
        }

        /// Port methods this module's scenarios cover.
        pub const COVERED: &[&str] = &[$($(stringify!($method),)*)*];
    };
}

/// Port methods the scenarios cover, module by module.
pub const COVERED: &[&[&str]] = &[
    activities::COVERED,
    comments::COVERED,
    custom_fields::COVERED,
    filters::COVERED,
    issue_writes::COVERED,
    issues::COVERED,
    lifecycles::COVERED,
    projects::COVERED,
    refusals::COVERED,
    related::COVERED,
    space_and_users::COVERED,
    stars::COVERED,
    versions::COVERED,
    vocabulary::COVERED,
    watchings::COVERED,
];
