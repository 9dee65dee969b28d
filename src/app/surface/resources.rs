//! The resources this server has. None yet: Backlog documents and wiki pages
//! are candidates. A resource's handler gets the call's context and reads
//! from `app.for_call(&context.caller)`, like a tool.

use super::AppResource;
use crate::app::context::AppContext;
use std::sync::Arc;

pub fn all_resources(_app: &Arc<AppContext>) -> Vec<AppResource> {
    Vec::new()
}
