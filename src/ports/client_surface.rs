//! Everything a client can use: tools, resources, prompts and the completion
//! of prompt arguments, all chosen by the same selection (read-only,
//! toolsets, include/exclude, prefix). Transports serve a [`SharedSurface`].

use super::prompt::PromptCatalog;
use super::resource::ResourceCatalog;
use super::tool::ToolCatalog;
use futures::FutureExt;
use futures::future::{BoxFuture, Shared};
use std::sync::Arc;

#[derive(Default)]
pub struct ClientSurface {
    pub tools: ToolCatalog,
    pub resources: ResourceCatalog,
    pub prompts: PromptCatalog,
}

/// Which kinds besides tools a surface has, known before it is built: the
/// handshake declares them and must not wait for the build. A kind is
/// declared only when the server has some (a selection may still leave none,
/// and a list is then empty).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SurfaceOffers {
    pub resources: bool,
    pub prompts: bool,
}

impl SurfaceOffers {
    /// Completion is offered for prompt arguments.
    pub fn completions(self) -> bool {
        self.prompts
    }
}

/// The surface a transport serves, ready or still being built. Building it
/// (every tool's schemas) takes milliseconds the MCP handshake need not wait
/// for: a request that needs it waits instead.
#[derive(Clone)]
pub struct SharedSurface {
    offers: SurfaceOffers,
    built: Shared<BoxFuture<'static, Option<Arc<ClientSurface>>>>,
}

impl SharedSurface {
    pub fn ready(surface: ClientSurface) -> Self {
        let offers = SurfaceOffers {
            resources: !surface.resources.entries().is_empty(),
            prompts: !surface.prompts.entries().is_empty(),
        };
        Self::pending(offers, std::future::ready(Some(Arc::new(surface))))
    }

    /// The surface `build` makes; `None` when building it failed (the
    /// builder reports why and ends the server).
    pub fn pending(
        offers: SurfaceOffers,
        build: impl std::future::Future<Output = Option<Arc<ClientSurface>>> + Send + 'static,
    ) -> Self {
        Self {
            offers,
            built: build.boxed().shared(),
        }
    }

    pub fn offers(&self) -> SurfaceOffers {
        self.offers
    }

    /// The surface, once built.
    pub async fn get(&self) -> Option<Arc<ClientSurface>> {
        self.built.clone().await
    }

    /// The surface if it is built already.
    pub fn peek(&self) -> Option<Arc<ClientSurface>> {
        self.built.peek().cloned().flatten()
    }
}
