//! The prompts this server has. None yet. A prompt's handler gets the call's
//! context and reads from `app.for_call(&context.caller)`, like a tool.

use super::AppPrompt;
use crate::app::context::AppContext;
use std::sync::Arc;

pub fn all_prompts(_app: &Arc<AppContext>) -> Vec<AppPrompt> {
    Vec::new()
}
