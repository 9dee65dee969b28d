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
    ToolCatalog,
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
    let resources = kept(selection, &tools, resources, |r| {
        (r.toolset, r.needs, r.entry)
    });
    let prompts = kept(selection, &tools, prompts, |p| {
        (p.toolset, p.needs, p.entry)
    });
    Ok(ClientSurface {
        tools,
        resources: ResourceCatalog::new(resources),
        prompts: PromptCatalog::new(prompts),
    })
}

/// A resource's or a prompt's parts: its toolset, the tools it needs and its
/// entry.
type Parts<E> = (&'static str, &'static [&'static str], E);

/// The resources or prompts the selection keeps beside its tools, each named
/// with the selection's prefix.
fn kept<T, E: Named>(
    selection: &ToolSelection,
    tools: &ToolCatalog,
    items: Vec<T>,
    parts: fn(T) -> Parts<E>,
) -> Vec<E> {
    items
        .into_iter()
        .map(parts)
        .filter(|(toolset, needs, _)| offered(selection, tools, toolset, needs))
        .map(|(_, _, mut entry)| {
            let name = entry.name();
            *name = format!("{}{name}", selection.prefix);
            entry
        })
        .collect()
}

/// An entry whose name the prefix goes before.
trait Named {
    fn name(&mut self) -> &mut String;
}

impl Named for ResourceEntry {
    fn name(&mut self) -> &mut String {
        &mut self.descriptor.name
    }
}

impl Named for PromptEntry {
    fn name(&mut self) -> &mut String {
        &mut self.descriptor.name
    }
}

#[cfg(test)]
mod tests;
