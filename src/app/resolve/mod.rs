//! Names where ids are asked: project keys, status, type, category, version,
//! priority, resolution and user names, login ids and "me", resolved through
//! metadata cached for a short time.

mod metadata;
mod names;
mod per_project;
mod resolver;
mod ttl_cache;

pub use metadata::Metadata;
pub use names::{Candidate, normalize, pick_one};
pub use resolver::Resolver;
