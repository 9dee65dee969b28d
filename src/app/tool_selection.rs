//! Which tools a server offers: toolsets, an allow-list and a deny-list of names,
//! a name prefix, and read-only mode. Tools left out are not listed, and calling
//! one is refused with the reason, so a model learns why instead of guessing.
//! Read-only mode is derived from each tool's annotations, so it cannot drift.

use super::tooling::{AppTool, Toolset};
use super::tools::toolsets;
use crate::ports::ToolCatalog;
use std::collections::BTreeSet;

/// The official server's toolsets this server does not have (yet): accepted in
/// `ENABLE_TOOLSETS` so shared configurations keep working. A toolset of this
/// server wins over a name here, so adding one needs no change to this list.
const OTHER_OFFICIAL_TOOLSETS: [&str; 4] = ["wiki", "git", "document", "notifications"];

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ToolSelection {
    pub read_only: bool,
    /// `None`: every toolset.
    pub toolsets: Option<BTreeSet<Toolset>>,
    pub prefix: String,
    /// `None`: every tool.
    pub only: Option<BTreeSet<String>>,
    pub exclude: BTreeSet<String>,
}

impl ToolSelection {
    /// Reads `ENABLE_TOOLSETS`-style text: comma-separated names or "all".
    pub fn parse_toolsets(items: &[String]) -> Result<Option<BTreeSet<Toolset>>, String> {
        let mut chosen = BTreeSet::new();
        for item in items.iter().map(|i| i.trim().to_ascii_lowercase()) {
            match item.as_str() {
                "" => {}
                "all" => return Ok(None),
                name => match toolsets().find(|toolset| toolset.id == name) {
                    Some(toolset) => {
                        chosen.insert(toolset);
                    }
                    None if OTHER_OFFICIAL_TOOLSETS.contains(&name) => {
                        tracing::warn!("toolset `{name}` is not available in this server yet");
                    }
                    None => {
                        return Err(format!(
                            "ENABLE_TOOLSETS: unknown toolset `{name}`; valid: all, {}",
                            toolsets().map(Toolset::name).collect::<Vec<_>>().join(", ")
                        ));
                    }
                },
            }
        }
        Ok(Some(chosen))
    }

    /// Builds the catalog. Every name in the allow- and deny-lists must be a tool
    /// of this server (with or without the prefix), and at least one tool must remain.
    pub fn apply(&self, tools: Vec<AppTool>) -> Result<ToolCatalog, String> {
        let known: BTreeSet<String> = tools
            .iter()
            .map(|t| t.entry.descriptor.name.clone())
            .collect();
        let unprefixed = |name: &str| name.strip_prefix(&self.prefix).unwrap_or(name).to_owned();
        for (setting, names) in [
            (
                "BACKLOG_TOOLS",
                self.only.iter().flatten().collect::<Vec<_>>(),
            ),
            ("BACKLOG_EXCLUDE_TOOLS", self.exclude.iter().collect()),
        ] {
            let unknown: Vec<&str> = names
                .iter()
                .filter(|n| !known.contains(&unprefixed(n)))
                .map(|n| n.as_str())
                .collect();
            if !unknown.is_empty() {
                return Err(format!(
                    "{setting}: unknown tool{} {}; the tools are: {}",
                    if unknown.len() == 1 { "" } else { "s" },
                    unknown.join(", "),
                    known.iter().cloned().collect::<Vec<_>>().join(", ")
                ));
            }
        }
        let named =
            |list: &BTreeSet<String>, name: &str| list.iter().any(|n| unprefixed(n) == name);
        let mut offered = Vec::new();
        let mut refused = Vec::new();
        for mut tool in tools {
            let name = tool.entry.descriptor.name.clone();
            let refusal = if named(&self.exclude, &name) {
                Some("is excluded by this server's configuration (BACKLOG_EXCLUDE_TOOLS / --exclude-tools)".to_owned())
            } else if self.only.as_ref().is_some_and(|only| !named(only, &name)) {
                Some(
                    "is not among the tools this server offers (BACKLOG_TOOLS / --tools)"
                        .to_owned(),
                )
            } else if self
                .toolsets
                .as_ref()
                .is_some_and(|sets| !sets.contains(&tool.toolset))
            {
                Some(format!(
                    "belongs to the `{}` toolset, which is not enabled (ENABLE_TOOLSETS / --enable-toolsets)",
                    tool.toolset.name()
                ))
            } else if self.read_only && !tool.entry.descriptor.annotations.read_only {
                Some("changes Backlog, and this server runs read-only (BACKLOG_READ_ONLY / --read-only); nothing was changed".to_owned())
            } else {
                None
            };
            let full_name = format!("{}{name}", self.prefix);
            match refusal {
                Some(reason) => {
                    refused.push((full_name.clone(), format!("`{full_name}` {reason}")))
                }
                None => {
                    tool.entry.descriptor.name = full_name;
                    offered.push(tool.entry);
                }
            }
        }
        if offered.is_empty() {
            return Err("the tool selection leaves no tool to offer; check ENABLE_TOOLSETS, BACKLOG_TOOLS, BACKLOG_EXCLUDE_TOOLS and BACKLOG_READ_ONLY".to_owned());
        }
        let mut catalog = ToolCatalog::new(offered);
        for (name, reason) in refused {
            catalog.refuse(name, reason);
        }
        Ok(catalog)
    }
}
