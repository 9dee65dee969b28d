//! get_resolutions: the space's resolutions.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::fields_args::FieldsArgs;
use crate::app::tools::common::listing::{LISTING, Listing};
use crate::app::tools::register::register;
use crate::app::views::NamedView;
use crate::ports::ToolContext;
use std::sync::Arc;

const RESOLUTIONS: ToolInfo = ToolInfo {
    name: "get_resolutions",
    title: "List resolutions",
    description: "List the space's resolutions (0 Fixed, 1 Won't Fix, 2 Invalid, 3 Duplication, \
        4 Cannot Reproduce, in the space's language). Other tools accept the names directly.",
    annotations: READS,
    toolset: Toolset::Issue,
    list: LISTING,
};

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, RESOLUTIONS, resolutions).with_fields::<NamedView>()
}

async fn resolutions(
    app: Arc<AppContext>,
    args: FieldsArgs,
    _: ToolContext,
) -> Result<Listing<NamedView>, ToolError> {
    let fields = args.choose::<NamedView>()?;
    let found = app.backlog.space.resolutions().await?;
    Ok(Listing::new(found.iter().map(NamedView::of), &fields))
}
