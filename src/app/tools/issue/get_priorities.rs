//! get_priorities: the space's priorities.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::fields_args::FieldsArgs;
use crate::app::tools::common::listing::{LISTING, Listing};
use crate::app::tools::register::register;
use crate::app::views::NamedView;
use crate::ports::ToolContext;
use std::sync::Arc;

const PRIORITIES: ToolInfo = ToolInfo {
    name: "get_priorities",
    title: "List priorities",
    description: "List the space's priorities (ids and names: 2 High, 3 Normal, 4 Low). Other \
        tools accept the names directly.",
    annotations: READS,
    toolset: Toolset::Issue,
    list: LISTING,
};

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, PRIORITIES, priorities).with_fields::<NamedView>()
}

async fn priorities(
    app: Arc<AppContext>,
    args: FieldsArgs,
    _: ToolContext,
) -> Result<Listing<NamedView>, ToolError> {
    let fields = args.choose::<NamedView>()?;
    let found = app.backlog.space.priorities().await?;
    Ok(Listing::new(found.iter().map(NamedView::of), &fields))
}
