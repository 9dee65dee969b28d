//! [`Model`]: what a server serves through the façade, a memory space (the one
//! model of Backlog's behaviour, `backlog_mcp::adapters::memory`) and the API key
//! the server accepts.

use backlog_mcp::adapters::memory::{MemoryBacklog, Space as MemorySpace};

/// The API key a server accepts unless told otherwise.
pub const DEFAULT_API_KEY: &str = "fake-api-key-0123456789";

/// A memory space to serve, with the API key the server accepts.
#[derive(Debug, Clone)]
pub struct Model {
    pub(crate) space: MemorySpace,
    pub(crate) api_key: String,
}

impl Model {
    /// The demo seed (the one demo mode serves).
    pub fn demo() -> Model {
        Model::of(MemoryBacklog::demo_space())
    }

    /// `projects` projects `GEN1`… of `issues` issues each, with the demo's people.
    pub fn generated(projects: usize, issues: usize) -> Model {
        Model::of(MemoryBacklog::generated_space(projects, issues))
    }

    /// Any memory space.
    pub fn of(space: MemorySpace) -> Model {
        Model {
            space,
            api_key: DEFAULT_API_KEY.to_owned(),
        }
    }

    /// The one API key the server accepts (otherwise [`DEFAULT_API_KEY`]).
    pub fn with_api_key(mut self, key: &str) -> Model {
        key.clone_into(&mut self.api_key);
        self
    }
}

/// Well-known ids of the memory seed ([`Model::demo`]; [`Model::generated`] has
/// the same people).
pub mod seed {
    pub const ADMIN: i64 = 1000;
    /// The current user of [`super::Model::demo`].
    pub const TANAKA: i64 = 1001;
    /// The current user of [`super::Model::generated`].
    pub const SATO: i64 = 1002;
    pub const SUZUKI: i64 = 1003;
    pub const SMITH: i64 = 1004;
    /// Creates every 10th issue of a generated space.
    pub const YAMADA: i64 = 1005;

    pub const WEB: i64 = 101;
    pub const APP: i64 = 102;
    pub const OPS: i64 = 103;

    /// Tanaka's watching of APP-1.
    pub const WATCHING_APP_1: i64 = 7003;
}
