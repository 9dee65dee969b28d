use super::*;
use crate::app::test_support::demo_app;
use crate::app::tooling::{ToolKit, Toolset};
use crate::app::tools::all_tools;
use crate::ports::{
    PromptDescriptor, PromptHandler, PromptMessage, ResourceContent, ResourceDescriptor,
    ResourceHandler, SurfaceError, ToolContext,
};
use async_trait::async_trait;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

struct Nothing;

#[async_trait]
impl ResourceHandler for Nothing {
    async fn read(&self, _: ToolContext) -> Result<Vec<ResourceContent>, SurfaceError> {
        Ok(Vec::new())
    }
}

#[async_trait]
impl PromptHandler for Nothing {
    async fn get(
        &self,
        _: BTreeMap<String, String>,
        _: ToolContext,
    ) -> Result<Vec<PromptMessage>, SurfaceError> {
        Ok(Vec::new())
    }
}

fn resource(name: &str, toolset: &'static str, needs: &'static [&'static str]) -> AppResource {
    AppResource {
        toolset,
        needs,
        entry: ResourceEntry {
            descriptor: ResourceDescriptor {
                uri: format!("backlog://{name}"),
                name: name.to_owned(),
                title: name.to_owned(),
                description: String::new(),
                mime_type: "text/plain".to_owned(),
            },
            handler: Arc::new(Nothing),
        },
    }
}

fn prompt(name: &str, toolset: &'static str, needs: &'static [&'static str]) -> AppPrompt {
    AppPrompt {
        toolset,
        needs,
        entry: PromptEntry {
            descriptor: PromptDescriptor {
                name: name.to_owned(),
                title: name.to_owned(),
                description: String::new(),
                arguments: Vec::new(),
            },
            handler: Arc::new(Nothing),
        },
    }
}

/// The names of the resources and prompts `selection` keeps.
fn kept(selection: &ToolSelection) -> (Vec<String>, Vec<String>) {
    let app = Arc::new(demo_app());
    let surface = build(
        selection,
        all_tools(&app, ToolKit { max_tokens: 20_000 }),
        vec![
            resource("space_guide", "space", &[]),
            resource("issue_guide", "issue", &["get_issue"]),
        ],
        vec![
            prompt("triage", "issue", &["get_issues", "update_issue"]),
            prompt("weekly_report", "project", &["get_project"]),
        ],
    )
    .unwrap();
    (
        surface
            .resources
            .entries()
            .iter()
            .map(|r| r.descriptor.name.clone())
            .collect(),
        surface
            .prompts
            .entries()
            .iter()
            .map(|p| p.descriptor.name.clone())
            .collect(),
    )
}

#[test]
fn everything_is_offered_by_default_and_declared_before_the_build() {
    let (resources, prompts) = kept(&ToolSelection::default());
    assert_eq!(resources, ["space_guide", "issue_guide"]);
    assert_eq!(prompts, ["triage", "weekly_report"]);
    let offers = offers(&[resource("r", "space", &[])], &[]);
    assert!(offers.resources && !offers.prompts && !offers.completions());
}

#[test]
fn read_only_drops_what_needs_a_tool_that_writes() {
    let (resources, prompts) = kept(&ToolSelection {
        read_only: true,
        ..ToolSelection::default()
    });
    assert_eq!(resources, ["space_guide", "issue_guide"]);
    assert_eq!(prompts, ["weekly_report"]);
}

#[test]
fn toolsets_apply_directly() {
    let (resources, prompts) = kept(&ToolSelection {
        toolsets: Some(BTreeSet::from([Toolset::Issue])),
        ..ToolSelection::default()
    });
    assert_eq!(resources, ["issue_guide"]);
    assert_eq!(prompts, ["triage"]);
}

#[test]
fn tool_lists_apply_through_the_tools_needed_and_the_prefix_to_names() {
    let (resources, prompts) = kept(&ToolSelection {
        prefix: "backlog_".to_owned(),
        exclude: BTreeSet::from(["backlog_update_issue".to_owned()]),
        ..ToolSelection::default()
    });
    assert_eq!(resources, ["backlog_space_guide", "backlog_issue_guide"]);
    assert_eq!(prompts, ["backlog_weekly_report"]);
    let (resources, prompts) = kept(&ToolSelection {
        only: Some(BTreeSet::from(["get_project".to_owned()])),
        ..ToolSelection::default()
    });
    assert_eq!(resources, ["space_guide"]);
    assert_eq!(prompts, ["weekly_report"]);
}
