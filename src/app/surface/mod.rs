//! What this server offers a client: its tools, resources and prompts, all
//! chosen by one [`ToolSelection`] (see `offered` for how it applies to
//! resources and prompts). The catalog is built once, at start-up, beside the
//! handshake; each call brings its own context.

mod offered;
mod prompts;
mod resources;

use super::tool_selection::ToolSelection;
use super::tooling::AppTool;
use crate::ports::{
    ClientSurface, PromptCatalog, PromptEntry, ResourceCatalog, ResourceEntry, SurfaceOffers,
};
use offered::offered;
pub use prompts::all_prompts;
pub use resources::all_resources;

/// A resource, with what decides whether the selection keeps it.
pub struct AppResource {
    /// The toolset it belongs to (`Toolset::name`).
    pub toolset: &'static str,
    /// The tools it is about, without the prefix: it is offered only when
    /// they all are.
    pub needs: &'static [&'static str],
    pub entry: ResourceEntry,
}

/// A prompt, with what decides whether the selection keeps it.
pub struct AppPrompt {
    pub toolset: &'static str,
    /// The tools its messages ask the model to use, without the prefix: it is
    /// offered only when they all are (so a prompt that changes Backlog is
    /// gone in read-only mode).
    pub needs: &'static [&'static str],
    pub entry: PromptEntry,
}

/// What the handshake declares, before the surface is built.
pub fn offers(resources: &[AppResource], prompts: &[AppPrompt]) -> SurfaceOffers {
    SurfaceOffers {
        resources: !resources.is_empty(),
        prompts: !prompts.is_empty(),
    }
}

/// The surface the selection leaves; an error when the selection is invalid.
pub fn build(
    selection: &ToolSelection,
    tools: Vec<AppTool>,
    resources: Vec<AppResource>,
    prompts: Vec<AppPrompt>,
) -> Result<ClientSurface, String> {
    let tools = selection.apply(tools)?;
    let resources = resources
        .into_iter()
        .filter(|r| offered(selection, &tools, r.toolset, r.needs))
        .map(|mut r| {
            r.entry.descriptor.name = format!("{}{}", selection.prefix, r.entry.descriptor.name);
            r.entry
        })
        .collect();
    let prompts = prompts
        .into_iter()
        .filter(|p| offered(selection, &tools, p.toolset, p.needs))
        .map(|mut p| {
            p.entry.descriptor.name = format!("{}{}", selection.prefix, p.entry.descriptor.name);
            p.entry
        })
        .collect();
    Ok(ClientSurface {
        tools,
        resources: ResourceCatalog::new(resources),
        prompts: PromptCatalog::new(prompts),
    })
}

#[cfg(test)]
mod tests;
